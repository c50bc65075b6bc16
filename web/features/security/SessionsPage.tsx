import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useFormat } from '../../lib/format.ts';
import { ItemList } from './ItemList.tsx';
import { QueryGate } from './QueryGate.tsx';
import { RemovalNotice } from './RemovalNotice.tsx';
import { securityApi, securityKeys } from './security.api.ts';
import { useRemoveItem } from './use-remove-item.ts';
import './security.css';

/** Säkerhet › Inloggningar: where the account is signed in; sign out one or all the others. */
export function SessionsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const formatDate = useFormat().dateTime;
  const client = useQueryClient();
  usePageTitle(t('security.sessions.title'));
  const sessions = useQuery({ queryKey: securityKeys.sessions, queryFn: securityApi.sessions });
  const { mutation: signOut, listRef, isRemoving } = useRemoveItem(securityApi.signOutSession);
  const signOutOthers = useMutation({
    mutationFn: securityApi.signOutOtherSessions,
    onMutate: () => signOut.reset(),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.all }),
  });

  return (
    <>
      <PageHeading>{t('security.sessions.title')}</PageHeading>
      <p className="lead">{t('security.sessions.intro')}</p>
      <Panel title={t('security.sessions.listTitle')}>
        <RemovalNotice mutation={signOut} done={(device) => t('security.sessions.signedOut', { device })} />
        {signOutOthers.isSuccess && <Alert tone="success">{t('security.sessions.signedOutOthers', { count: signOutOthers.data.revoked })}</Alert>}
        {signOutOthers.isError && <Alert tone="error">{errorText(signOutOthers.error)}</Alert>}
        <QueryGate query={sessions}>
          {(list) => {
            const hasOthers = list.some((session) => !session.current);
            // This device first: it is the one the reader knows, and the others are read against it.
            const sessionsInOrder = [...list].sort((a, b) => Number(b.current) - Number(a.current));
            return (
              <>
                <ItemList
                  ref={listRef}
                  label={t('security.sessions.listTitle')}
                  items={sessionsInOrder.map((session) => {
                    const lastSeen = formatDate(session.lastSeenAt);
                    return {
                      id: session.id,
                      title: `${session.device} · ${t(`security.sessions.client.${session.client}`)}`,
                      badge: session.current ? t('security.sessions.current') : undefined,
                      details: [
                        t('security.sessions.signedIn', { date: formatDate(session.createdAt) }),
                        t('security.sessions.lastSeen', { date: lastSeen }),
                        session.ip && t('security.sessions.ip', { ip: session.ip }),
                      ],
                      // This device signs out with the button at the top of every page.
                      action: !session.current && (
                        <Button
                          variant="secondary"
                          aria-label={t('security.sessions.signOutNamed', { device: session.device, date: lastSeen })}
                          busy={isRemoving(session.id)}
                          busyLabel={t('security.sessions.signingOut')}
                          onClick={() => {
                            signOutOthers.reset();
                            signOut.mutate({ id: session.id, name: session.device });
                          }}
                        >
                          {t('security.sessions.signOut')}
                        </Button>
                      ),
                    };
                  })}
                />
                {hasOthers ? (
                  <div className="security-actions">
                    <Button variant="secondary" busy={signOutOthers.isPending} busyLabel={t('security.sessions.signingOutOthers')} onClick={() => signOutOthers.mutate()}>
                      {t('security.sessions.signOutOthers')}
                    </Button>
                  </div>
                ) : (
                  <p className="security-note">{t('security.sessions.noOthers')}</p>
                )}
              </>
            );
          }}
        </QueryGate>
      </Panel>
    </>
  );
}
