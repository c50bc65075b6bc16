import { useTranslation } from 'react-i18next';
import { LinkActionPage } from './LinkActionPage.tsx';
import { signedOutApi } from './signed-out.api.ts';

/** The link sent to the old address after an e-mail change: take the address back (SPEC §3.11). */
export function UndoEmailChangePage() {
  const { t } = useTranslation();
  return (
    <LinkActionPage
      section="undoEmail"
      act={signedOutApi.undoEmailChange}
      whenFailed={<p>{t('signedOut.undoEmail.retry')}</p>}
      whenDone={<p>{t('signedOut.undoEmail.advice')}</p>}
      help={['emailChange', 'forgot']}
    />
  );
}
