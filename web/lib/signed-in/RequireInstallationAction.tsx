import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstallationAction } from '../../../contract/installations.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useCurrentInstallation, type InstallationSummary } from '../current-installation.tsx';
import { useErrorText } from '../error-text.ts';

interface Props {
  action: InstallationAction;
  children: (installation: InstallationSummary) => ReactNode;
}

/**
 * Renders a page's content only when the current installation allows `action`; otherwise says
 * why (no installation, level too low, outside the access window). The API decides anyway.
 */
export function RequireInstallationAction({ action, children }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { status, error, refetch, current, can } = useCurrentInstallation();
  if (status === 'pending') return <LoadingState label={t('app.loading')} />;
  if (status === 'error') {
    return (
      <Alert tone="error">
        <p>{errorText(error)}</p>
        <Button variant="secondary" onClick={refetch}>
          {t('app.retry')}
        </Button>
      </Alert>
    );
  }
  if (!current)
    return (
      <Alert tone="info">
        <p>{t('installation.noInstallation')}</p>
      </Alert>
    );
  if (!can(action)) {
    const text = current.withinAccessWindow ? t('installation.notAllowed', { level: t(`installation.levels.${current.level}`) }) : t('errors.access_window_closed');
    return (
      <Alert tone="info">
        <p>{text}</p>
      </Alert>
    );
  }
  return <>{children(current)}</>;
}
