import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { LoadingState } from '../components/LoadingState.tsx';

/** A layout's page: a loading note while its chunk arrives, a way out when it cannot. */
export function PageOutlet() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    // Keyed by path, so going to another page tries again after a failure.
    <LoadFailureBoundary key={pathname}>
      <Suspense fallback={<LoadingState label={t('app.loading')} />}>
        <Outlet />
      </Suspense>
    </LoadFailureBoundary>
  );
}

/**
 * A page's code that does not arrive (the connection dropped, or a tab left open across a
 * deploy asks for files that are gone) ends in a message and a reload, not a blank page.
 */
export class LoadFailureBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

function LoadFailed() {
  const { t } = useTranslation();
  return (
    <Alert tone="error">
      <p>{t('app.loadFailed')}</p>
      <Button variant="secondary" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </Button>
    </Alert>
  );
}
