import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { meQueryKey } from '../../lib/queries.ts';
import { usePageTitle } from '../../lib/page-title.ts';

/** What closing the account hands to this page, so a typed-in address does not claim a closure. */
export interface AccountClosedState {
  closed: true;
}

/** The last page of a closed account: it says the account is gone, not merely that the user signed out. */
export function AccountClosedPage() {
  const { t } = useTranslation();
  usePageTitle(t('accountClosed.title'));
  const queryClient = useQueryClient();
  const closed = (useLocation().state as AccountClosedState | null)?.closed === true;
  // The session ended with the account; only now may the app forget it, or the shell would send
  // the page to sign-in first.
  useEffect(() => {
    if (closed) queryClient.setQueryData(meQueryKey, null);
  }, [closed, queryClient]);
  if (!closed) return <Navigate to="/" replace />;
  return (
    <>
      <PageHeading>{t('accountClosed.title')}</PageHeading>
      <p className="lead">{t('accountClosed.body')}</p>
      <p>{t('accountClosed.alarm')}</p>
      <Link to="/sign-in">{t('accountClosed.signIn')}</Link>
    </>
  );
}
