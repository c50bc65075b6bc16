import { formatPhone } from '../../../contract/format/phone.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailsList } from '../../components/DetailsList.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import { PhoneText } from '../../components/PhoneText.tsx';
import { usePageTitle } from '../../lib/page-title.ts';
import { useMe, usePublicSettings } from '../../lib/queries.ts';
import { CloseAccount } from './CloseAccount.tsx';
import { EmailChangeForm } from './EmailChangeForm.tsx';
import { PhoneChangeForm } from './PhoneChangeForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import './account.css';

/** Konto och avtalsinformation › Konto: what is registered on the account, and changing it. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const settings = usePublicSettings();
  usePageTitle(t('account.title'));
  const rows = [
    { term: t('account.name'), value: me.name },
    { term: t('account.email'), value: me.email },
    { term: t('account.phone'), value: me.phone ? formatPhone(me.phone) : t('account.noPhone') },
    { term: t('account.language'), value: t(`language.${me.language}`) },
  ];
  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <p className="lead">{t('account.intro')}</p>
      <div className="account">
        <Panel title={t('account.details')}>
          <DetailsList rows={rows} />
        </Panel>
        <Panel title={t('account.profileTitle')}>
          <ProfileForm me={me} />
        </Panel>
        <Panel title={t('account.emailTitle')}>
          <EmailChangeForm />
        </Panel>
        <Panel title={t('account.phoneTitle')}>
          <PhoneChangeForm />
        </Panel>
        {/* The FAQ sends customers to Konto to change their login details; the password form itself lives under Säkerhet. */}
        <Panel title={t('account.passwordTitle')}>
          <p>{t('account.passwordIntro')}</p>
          <p>
            <Link to="/security/password">{t('account.changePassword')}</Link>
          </p>
        </Panel>
        <Panel title={t('account.closeTitle')}>
          <CloseAccount />
        </Panel>
      </div>
      {settings.data && (
        <p className="account__help">
          <PhoneText i18nKey="account.wrongDetails" phone={settings.data.customerServicePhoneLink} />
        </p>
      )}
    </>
  );
}
