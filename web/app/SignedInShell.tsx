import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { InstallationSwitcher } from '../features/installation/InstallationSwitcher.tsx';
import type { SignInLocationState } from '../lib/sign-in-location.ts';
import { useAccountLanguage } from '../lib/account-language.ts';
import { CurrentInstallationProvider } from '../lib/current-installation.tsx';
import { useErrorText } from '../lib/error-text.ts';
import { StepUpDialog } from '../features/step-up/StepUpDialog.tsx';
import { useMe } from '../lib/queries.ts';
import { MainMenu } from './MainMenu.tsx';
import { SignOutButton, useSignOut } from '../lib/signed-in/SignOutButton.tsx';
import { SiteFooter } from './SiteFooter.tsx';
import { SiteHeader } from './SiteHeader.tsx';
import { PageOutlet } from './PageOutlet.tsx';
import { MAIN_ID, SkipLink } from './SkipLink.tsx';

const MENU_ID = 'main-menu';

/** Header, the menu on the left and the page; only for a signed-in account, others go to sign-in. */
export function SignedInShell() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useMe();
  useAccountLanguage(me.data);
  const location = useLocation();
  const signOut = useSignOut();
  const [menuOpen, setMenuOpen] = useState(false);
  // On phones the menu covers the page; choosing a page closes it.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  // An account that disappears while shown, without signing out, means the session ended
  // (idle timeout, signed out elsewhere).
  const hadAccount = useRef(false);
  if (me.data) hadAccount.current = true;

  if (me.data === null) {
    const notice = signOut.isSuccess ? 'signed_out' : hadAccount.current ? 'session_ended' : undefined;
    const state: SignInLocationState = { from: notice === 'signed_out' ? undefined : location.pathname, notice };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  const page = (
    <div className="page">
      <SkipLink />
      <SiteHeader>
        {me.data && (
          <>
            <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls={MENU_ID} onClick={() => setMenuOpen((open) => !open)}>
              {t('shell.menuButton')}
            </button>
            <span className="site-header__user">{t('shell.signedInAs', { name: me.data.name })}</span>
            <SignOutButton signOut={signOut} />
          </>
        )}
      </SiteHeader>
      {me.data && <InstallationSwitcher />}
      <div className="shell">
        {me.data && <MainMenu id={MENU_ID} open={menuOpen} />}
        <main id={MAIN_ID} className="page__main" tabIndex={-1}>
          {me.isPending && <LoadingState label={t('app.loading')} />}
          {me.isError && (
            <Alert tone="error">
              <p>{errorText(me.error)}</p>
              <Button variant="secondary" onClick={() => void me.refetch()}>
                {t('app.retry')}
              </Button>
            </Alert>
          )}
          {me.data && <PageOutlet />}
        </main>
      </div>
      <SiteFooter />
      <StepUpDialog />
    </div>
  );
  // Keyed by account, so nothing of one account's installations outlives a change of account.
  return me.data ? <CurrentInstallationProvider key={me.data.id}>{page}</CurrentInstallationProvider> : page;
}
