import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/LoadingState.tsx';
import { DevInboxPage } from '../features/dev-inbox/DevInboxPage.tsx';
import { usePublicSettings } from '../lib/queries.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** The dev inbox page exists only when the server delivers to the dev inbox. */
export function DevInboxRoute() {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  if (settings.isPending) return <LoadingState label={t('app.loading')} />;
  return settings.data?.devInbox ? <DevInboxPage /> : <NotFoundPage />;
}
