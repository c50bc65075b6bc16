import { EmailRequestPage } from './EmailRequestPage.tsx';
import { signedOutApi } from './signed-out.api.ts';

/** A new activation link for an account customer service created (SPEC §3.2). */
export function ResendActivationPage() {
  return <EmailRequestPage section="resendActivation" send={signedOutApi.resendActivation} help={['activation', 'resetLink']} />;
}
