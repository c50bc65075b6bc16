import { PasswordLinkPage } from './PasswordLinkPage.tsx';
import { signedOutApi } from './signed-out.api.ts';

/** The activation link of an account created at installation: choose the first password (SPEC §3.2). */
export function ActivatePage() {
  return (
    <PasswordLinkPage
      section="activate"
      save={signedOutApi.activate}
      newLink={{ to: '/resend-activation', label: 'signedOut.links.resendActivation' }}
      help={['password', 'activation', 'resetLink']}
    />
  );
}
