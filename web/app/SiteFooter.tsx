import { useTranslation } from 'react-i18next';
import { PhoneText } from '../components/PhoneText.tsx';
import { usePublicSettings } from '../lib/queries.ts';

/** Customer service on every page, signed in or out (SPEC §9). */
export function SiteFooter() {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  return (
    <footer className="site-footer">
      {settings.data && (
        <p>
          <strong>{t('help.title')}</strong> <PhoneText i18nKey="help.callUs" phone={settings.data.customerServicePhoneLink} />
        </p>
      )}
    </footer>
  );
}
