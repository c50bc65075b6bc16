import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DetailsList } from '../../components/DetailsList.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { useDescribeAccessWindow } from '../../lib/access-window.ts';
import { installationsQueryKey, useCurrentInstallation, type InstallationSummary } from '../../lib/current-installation.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { overviewApi } from './overview.api.ts';
import './overview.css';

/** The overview's card for the installation shown: where it is, the user's level, and leaving it. */
export function CurrentInstallationPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const describeWindow = useDescribeAccessWindow();
  const queryClient = useQueryClient();
  const { status, current, can } = useCurrentInstallation();
  const leave = useMutation({
    mutationFn: (installation: InstallationSummary) => overviewApi.leave(installation.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: installationsQueryKey }),
  });

  if (status === 'pending') return <LoadingState label={t('app.loading')} />;
  const rows = current && [
    { term: t('installation.current.alias'), value: current.alias },
    { term: t('installation.current.number'), value: current.number },
    { term: t('installation.current.address'), value: `${current.address.street}, ${current.address.postalCode} ${current.address.city}` },
    { term: t('installation.current.level'), value: t(`installation.levels.${current.level}`) },
    ...(current.level === 'restricted' ? [{ term: t('installation.current.accessWindow'), value: describeWindow(current.accessWindow) }] : []),
  ];
  return (
    <Panel title={t('installation.current.title')}>
      {leave.isSuccess && (
        <Alert tone="success">
          <p>{t('installation.current.left', { alias: leave.variables.alias })}</p>
        </Alert>
      )}
      {!current || !rows ? (
        <p>{t('installation.current.none')}</p>
      ) : (
        <>
          <DetailsList rows={rows} />
          {!current.withinAccessWindow && (
            <Alert tone="info">
              <p>{t('installation.current.outsideWindow')}</p>
            </Alert>
          )}
          {/* The owner cannot leave (exactly one owner); ownership moves through customer service. */}
          {can('membership.leave') && current.level !== 'owner' && (
            <div className="installation-panel__leave">
              {leave.isError && (
                <Alert tone="error">
                  <p>{errorText(leave.error)}</p>
                </Alert>
              )}
              <ConfirmButton
                label={t('installation.current.leave')}
                question={t('installation.current.leaveConfirm', { alias: current.alias })}
                confirmLabel={t('installation.current.leaveYes')}
                cancelLabel={t('installation.current.cancel')}
                busy={leave.isPending}
                busyLabel={t('installation.current.leaving')}
                onConfirm={() => leave.mutate(current)}
              />
            </div>
          )}
        </>
      )}
    </Panel>
  );
}
