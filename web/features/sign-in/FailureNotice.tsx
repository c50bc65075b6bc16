import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { ApiError } from '../../lib/http.ts';
import { useFormatDuration, useSecondsLeft } from '../../lib/time.ts';

/**
 * What went wrong, and for lockouts and rate limits the time left, ticking each second. The
 * ticking line is a role=timer, which screen readers do not announce on every tick; when the
 * wait is over the notice turns into a polite "you can try again now".
 */
export function FailureNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const format = useFormatDuration();
  const retryAt = error instanceof ApiError ? error.retryAt : undefined;
  const secondsLeft = useSecondsLeft(retryAt);
  if (retryAt !== undefined && secondsLeft === 0) return <Alert tone="info">{t('signIn.waitOver')}</Alert>;

  const waitKey = error instanceof ApiError && error.code === 'resend_too_soon' ? 'signIn.resendWait' : 'signIn.tryAgainIn';
  return (
    <Alert tone="error">
      <p>{errorText(error)}</p>
      {retryAt !== undefined && (
        <p role="timer" aria-live="off" aria-atomic="true">
          {t(waitKey, { time: format(secondsLeft) })}
        </p>
      )}
    </Alert>
  );
}
