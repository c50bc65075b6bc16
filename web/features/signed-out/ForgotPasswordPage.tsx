import { EmailRequestPage } from './EmailRequestPage.tsx';
import { signedOutApi } from './signed-out.api.ts';

/** Forgot password (SPEC §3.10): a reset link by e-mail. */
export function ForgotPasswordPage() {
  return <EmailRequestPage section="forgot" send={signedOutApi.forgotPassword} help={['forgot', 'resetLink']} />;
}
