import { PasswordLinkPage } from './PasswordLinkPage.tsx';
import { signedOutApi } from './signed-out.api.ts';

/** The link in the "forgot password" e-mail: choose a new password (SPEC §3.10). */
export function ResetPasswordPage() {
  return (
    <PasswordLinkPage section="reset" save={signedOutApi.resetPassword} newLink={{ to: '/forgot-password', label: 'signedOut.reset.newLink' }} help={['password', 'resetLink', 'forgot']} />
  );
}
