import { useTranslation } from 'react-i18next';
import { LinkActionPage } from './LinkActionPage.tsx';
import { signedOutApi } from './signed-out.api.ts';

/** The link sent to a new e-mail address (SPEC §3.11). */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  return <LinkActionPage section="confirmEmail" act={signedOutApi.confirmEmailChange} whenFailed={<p>{t('signedOut.confirmEmail.retry')}</p>} help={['emailChange', 'resetLink']} />;
}
