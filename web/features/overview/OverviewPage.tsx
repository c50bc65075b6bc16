import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../contract/auth.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import { CurrentInstallationPanel } from './CurrentInstallationPanel.tsx';
import { usePageTitle } from '../../lib/page-title.ts';
import { useCurrentInstallation } from '../../lib/current-installation.tsx';
import { useMe } from '../../lib/queries.ts';
import { InstallationGlance } from './InstallationGlance.tsx';
import './overview.css';

const secondFactorKey = {
  sms: 'overview.signedInWithSms',
  email: 'overview.signedInWithEmail',
  trusted_device: 'overview.signedInWithTrustedDevice',
  totp: 'overview.signedInWithTotp',
  passkey: 'overview.signedInWithPasskey',
  password_only: 'overview.signedInWithPasswordOnly',
  integration_token: 'overview.signedInWithIntegrationToken',
} as const satisfies Record<Me['secondFactor'], string>;

/** The start page after signing in. The shell only renders it with an account loaded. */
export function OverviewPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const { current, can } = useCurrentInstallation();
  usePageTitle(t('overview.title'));
  return (
    <>
      <PageHeading>{t('overview.greeting', { name: me.name })}</PageHeading>
      <p className="lead">{t('overview.intro')}</p>
      <Link className="overview__tile" to="/account">
        <span className="overview__tile-title">{t('overview.accountLink')}</span>
        <span className="overview__tile-hint">{t('overview.accountLinkHint')}</span>
      </Link>
      <CurrentInstallationPanel />
      {/* Outside a restricted user's window the installation answers nothing; the panel above says why. */}
      {current && can('installation.view') && <InstallationGlance key={current.id} installation={current} />}
      <Panel title={t('overview.thisSignIn')}>
        <p>{t(secondFactorKey[me.secondFactor])}</p>
      </Panel>
      <Panel title={t('overview.app.title')}>
        <p>{t('overview.app.text')}</p>
      </Panel>
    </>
  );
}
