import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way back at the foot of every signed-out page that is not the sign-in itself. */
export function BackToSignIn() {
  const { t } = useTranslation();
  return (
    <div className="signed-out__links">
      <p>
        <Link to="/sign-in">{t('signedOut.links.backToSignIn')}</Link>
      </p>
    </div>
  );
}
