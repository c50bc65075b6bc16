import { useTranslation } from 'react-i18next';
import { useFormatDuration, useSecondsLeft } from '../../lib/time.ts';

interface RetryCountdownProps {
  deadline: number;
  waitKey: 'signIn.tryAgainIn' | 'signIn.resendWait';
}

/**
 * The time left of a lockout or wait, ticking each second. role=timer keeps screen readers from
 * announcing every tick; the end of the wait is announced by the surrounding alert.
 */
export function RetryCountdown({ deadline, waitKey }: RetryCountdownProps) {
  const { t } = useTranslation();
  const seconds = useSecondsLeft(deadline);
  const format = useFormatDuration();
  if (seconds === 0) return <p>{t('signIn.waitOver')}</p>;
  return (
    <p role="timer" aria-live="off" aria-atomic="true">
      {t(waitKey, { time: format(seconds) })}
    </p>
  );
}
