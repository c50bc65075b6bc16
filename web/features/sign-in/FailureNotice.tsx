import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { PhoneText } from '../../components/PhoneText.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { ApiError } from '../../lib/http.ts';
import { usePublicSettings } from '../../lib/queries.ts';
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
      {error instanceof ApiError && error.code === 'account_locked' && <LockoutAdvice />}
    </Alert>
  );
}

/** A locked-out customer's next steps: the alarm is fine, a new password lifts the lock now, or call us. */
function LockoutAdvice() {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  const phone = settings.data?.customerServicePhoneLink;
  return (
    <>
      <p>{t('signIn.lockedAlarmUnaffected')}</p>
      <p>
        {t('signIn.lockedResetLifts')} <Link to="/forgot-password">{t('signedOut.links.forgotPassword')}</Link>
      </p>
      {phone && (
        <p>
          <PhoneText i18nKey="help.callUs" phone={phone} />
        </p>
      )}
    </>
  );
}
