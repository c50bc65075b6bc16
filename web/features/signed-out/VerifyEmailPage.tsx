import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signInToPendingInvitation } from '../../lib/invitation-token.ts';
import { LinkActionPage } from './LinkActionPage.tsx';
import { signedOutApi } from './signed-out.api.ts';

/** The link that confirms a self-registered account's address. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  return (
    <LinkActionPage
      section="verifyEmail"
      act={signedOutApi.verifyEmail}
      whenFailed={
        <p>
          <Link to="/resend-activation">{t('signedOut.links.resendActivation')}</Link>
        </p>
      }
      help={['resetLink', 'access']}
      // An invitee who registered from an invitation goes on to accept it once signed in.
      signInState={signInToPendingInvitation()}
    />
  );
}
