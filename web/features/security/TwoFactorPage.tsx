import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../lib/page-title.ts';
import { AuthenticatorApps } from './AuthenticatorApps.tsx';
import { Passkeys } from './Passkeys.tsx';
import { QueryGate } from './QueryGate.tsx';
import { securityApi, securityKeys } from './security.api.ts';
import { SignInMethods } from './SignInMethods.tsx';
import './security.css';

/** Säkerhet › Tvåstegsverifiering: the second factors of the account (SPEC §3.4, §3.15). */
export function TwoFactorPage() {
  const { t } = useTranslation();
  usePageTitle(t('security.twoFactor.title'));
  const overview = useQuery({ queryKey: securityKeys.twoFactor, queryFn: securityApi.twoFactor });
  return (
    <>
      <PageHeading>{t('security.twoFactor.title')}</PageHeading>
      <p className="lead">{t('security.twoFactor.intro')}</p>
      <QueryGate query={overview}>
        {(data) => (
          <>
            <SignInMethods overview={data} />
            <AuthenticatorApps apps={data.authenticatorApps} />
            <Passkeys passkeys={data.passkeys} />
          </>
        )}
      </QueryGate>
    </>
  );
}
