import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RequireInstallationAction } from '../../lib/signed-in/RequireInstallationAction.tsx';
import { Alert } from '../../components/Alert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { InstallationSummary } from '../../lib/current-installation.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { codeWordsApi, codeWordsQueryKey } from './code-words.api.ts';
import { CodeWordsForm } from './CodeWordsForm.tsx';
import { CodeWordsStatus } from './CodeWordsStatus.tsx';
import './code-words.css';

/** Systeminställningar › Kodord: whether the words are set, revealing the company's, changing them. */
export function CodeWordsPage() {
  const { t } = useTranslation();
  usePageTitle(t('installation.codeWords.title'));
  return (
    <>
      <PageHeading>{t('installation.codeWords.title')}</PageHeading>
      <p className="lead">{t('installation.codeWords.intro')}</p>
      <RequireInstallationAction action="codewords.view">{(installation) => <CodeWords installation={installation} />}</RequireInstallationAction>
    </>
  );
}

function CodeWords({ installation }: { installation: InstallationSummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = useQuery({ queryKey: codeWordsQueryKey(installation.id), queryFn: () => codeWordsApi.status(installation.id) });
  if (status.isPending) return <LoadingState label={t('app.loading')} />;
  if (status.isError) {
    return (
      <Alert tone="error">
        <p>{errorText(status.error)}</p>
      </Alert>
    );
  }
  return (
    <>
      <CodeWordsStatus installation={installation} status={status.data} />
      {installation.allowedActions.includes('codewords.set') && <CodeWordsForm installationId={installation.id} />}
    </>
  );
}
