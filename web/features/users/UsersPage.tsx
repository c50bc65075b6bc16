import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireInstallationAction } from '../../lib/signed-in/RequireInstallationAction.tsx';
import { Alert } from '../../components/Alert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import type { InstallationSummary } from '../../lib/current-installation.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useMe } from '../../lib/queries.ts';
import { InvitationCard } from './InvitationCard.tsx';
import { MemberCard } from './MemberCard.tsx';
import { invitationsQueryKey, membersQueryKey, usersApi } from './users.api.ts';
import './users.css';

/** Användare: who has access and at which level, and the invitations not yet accepted. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('installation.users.title'));
  return (
    <>
      <PageHeading>{t('installation.users.title')}</PageHeading>
      <RequireInstallationAction action="members.view">{(installation) => <Users installation={installation} />}</RequireInstallationAction>
    </>
  );
}

function Users({ installation }: { installation: InstallationSummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useMe().data!;
  const members = useQuery({ queryKey: membersQueryKey(installation.id), queryFn: () => usersApi.members(installation.id) });
  const invitations = useQuery({ queryKey: invitationsQueryKey(installation.id), queryFn: () => usersApi.invitations(installation.id) });
  const [notice, setNotice] = useState('');
  const manage = installation.allowedActions.includes('members.manage');
  // Only levels this user may give can be changed, removed, re-sent or withdrawn.
  const manages = (level: InstallationSummary['level']) => manage && installation.assignableLevels.includes(level);

  return (
    <>
      <p className="lead">{t('installation.users.intro', { alias: installation.alias })}</p>
      {manage && (
        <p>
          <Link className="users__add" to="/users/add">
            {t('installation.users.addUser')}
          </Link>
        </p>
      )}
      <div role="status" className="users__notice">
        {notice && <p>{notice}</p>}
      </div>
      <Panel title={t('installation.users.members')}>
        {members.isPending && <LoadingState label={t('app.loading')} />}
        {members.isError && (
          <Alert tone="error">
            <p>{errorText(members.error)}</p>
          </Alert>
        )}
        {members.data && (
          <ul className="users__list">
            {members.data.map((member) => (
              <MemberCard
                key={member.accountId}
                installation={installation}
                member={member}
                isMe={member.accountId === me.id}
                manage={member.accountId !== me.id && manages(member.level)}
                onDone={setNotice}
              />
            ))}
          </ul>
        )}
      </Panel>
      <Panel title={t('installation.users.invitations')}>
        {invitations.isPending && <LoadingState label={t('app.loading')} />}
        {invitations.isError && (
          <Alert tone="error">
            <p>{errorText(invitations.error)}</p>
          </Alert>
        )}
        {invitations.data?.length === 0 && <p>{t('installation.users.noInvitations')}</p>}
        {!!invitations.data?.length && (
          <ul className="users__list">
            {invitations.data.map((invitation) => (
              <InvitationCard key={invitation.id} installationId={installation.id} invitation={invitation} manage={manages(invitation.level)} onDone={setNotice} />
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
