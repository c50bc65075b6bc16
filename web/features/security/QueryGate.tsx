import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useErrorText } from '../../lib/error-text.ts';

/** A list's data once it is there; until then a loading line, or the error with a way to try again. */
export function QueryGate<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (query.isPending) return <LoadingState label={t('app.loading')} />;
  if (query.isError)
    return (
      <Alert tone="error">
        <p>{errorText(query.error)}</p>
        <Button variant="secondary" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </Alert>
    );
  return <>{children(query.data)}</>;
}
