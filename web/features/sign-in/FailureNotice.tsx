import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { ApiError } from '../../lib/http.ts';
import { RetryCountdown } from './RetryCountdown.tsx';

/** What went wrong, and for lockouts and rate limits how long until the next try. */
export function FailureNotice({ error }: { error: unknown }) {
  const errorText = useErrorText();
  const retryAt = error instanceof ApiError ? error.retryAt : undefined;
  const waitKey = error instanceof ApiError && error.code === 'resend_too_soon' ? 'signIn.resendWait' : 'signIn.tryAgainIn';
  return (
    <Alert tone="error">
      <p>{errorText(error)}</p>
      {retryAt !== undefined && <RetryCountdown deadline={retryAt} waitKey={waitKey} />}
    </Alert>
  );
}
