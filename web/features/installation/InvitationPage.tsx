import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { invitationPeek } from '../../../contract/installations.ts';
import { SignOutButton, useSignOut } from '../../lib/signed-in/SignOutButton.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import { installationsQueryKey, rememberInstallation } from '../../lib/current-installation.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useMe } from '../../lib/queries.ts';
import { installationApi } from './installation.api.ts';
import { forgetInvitationToken, rememberInvitedEmail, useInvitationToken } from '../../lib/invitation-token.ts';
import { InvitedPhone } from './InvitedPhone.tsx';
import { RegisterToAccept } from './RegisterToAccept.tsx';
import './installation.css';

type Peek = z.infer<typeof invitationPeek>;

/** /invitation#<token>: who invited whom to what, and accepting it, signed in or not yet. */
export function InvitationPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  usePageTitle(t('installation.invitation.title'));
  const token = useInvitationToken();
  const peek = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => installationApi.peekInvitation(token!),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });

  return (
    <div className="invitation">
      <PageHeading>{t('installation.invitation.title')}</PageHeading>
      {token === null ? (
        <Alert tone="error">
          <p>{t('installation.invitation.missing')}</p>
        </Alert>
      ) : peek.isPending ? (
        <LoadingState label={t('app.loading')} />
      ) : peek.isError ? (
        <Alert tone="error">
          <p>{errorText(peek.error)}</p>
        </Alert>
      ) : (
        <Invitation token={token} invitation={peek.data} />
      )}
    </div>
  );
}

function Invitation({ token, invitation }: { token: string; invitation: Peek }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  useEffect(() => rememberInvitedEmail(token, invitation.email), [token, invitation.email]);
  return (
    <>
      <p className="lead">
        {t('installation.invitation.summary', {
          inviter: invitation.inviterName,
          alias: invitation.installationAlias,
          city: invitation.city,
          level: t(`installation.levels.${invitation.level}`),
        })}
      </p>
      <p>
        {t('installation.invitation.forEmail', { email: invitation.email })} {t('installation.invitation.validUntil', { date: format.dateTime(invitation.expiresAt) })}
      </p>
      {me.isPending ? (
        <LoadingState label={t('app.loading')} />
      ) : me.data ? (
        me.data.email.toLowerCase() === invitation.email.toLowerCase() ? (
          <Accept token={token} alias={invitation.installationAlias} inviter={invitation.inviterName} />
        ) : (
          <WrongAccount email={me.data.email} />
        )
      ) : (
        <SignedOut invitation={invitation} />
      )}
    </>
  );
}

function Accept({ token, alias, inviter }: { token: string; alias: string; inviter: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const doneRef = useRef<HTMLDivElement>(null);
  const accept = useMutation({
    mutationFn: () => installationApi.acceptInvitation(token),
    onSuccess: (joined) => {
      forgetInvitationToken();
      // The portal opens on the installation just joined.
      rememberInstallation(joined.installationId);
      return queryClient.invalidateQueries({ queryKey: installationsQueryKey });
    },
  });
  useEffect(() => {
    if (accept.isSuccess) doneRef.current?.focus();
  }, [accept.isSuccess]);

  if (accept.isSuccess) {
    return (
      <div className="invitation__done" ref={doneRef} tabIndex={-1}>
        <Alert tone="success">
          <p>{t('installation.invitation.accepted', { alias })}</p>
        </Alert>
        <Link className="invitation__link" to="/">
          {t('installation.invitation.toPortal')}
        </Link>
      </div>
    );
  }
  return (
    <>
      <InvitedPhone token={token} inviter={inviter} />
      <div className="invitation__actions">
        {accept.isError && (
          <Alert tone="error">
            <p>{errorText(accept.error)}</p>
          </Alert>
        )}
        <Button busy={accept.isPending} busyLabel={t('installation.invitation.accepting')} onClick={() => accept.mutate()}>
          {t('installation.invitation.accept')}
        </Button>
      </div>
    </>
  );
}

function WrongAccount({ email }: { email: string }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <div className="invitation__actions">
      <Alert tone="info">
        <p>{t('installation.invitation.wrongAccount', { email })}</p>
      </Alert>
      <div>
        <SignOutButton signOut={signOut} />
      </div>
    </div>
  );
}

function SignedOut({ invitation }: { invitation: Peek }) {
  const { t } = useTranslation();
  return (
    <div className="invitation__choices">
      <Panel title={t('installation.invitation.haveAccount')}>
        {/* The sign-in page brings the invitee back here; the token waits in local storage. */}
        <Link className="button button--primary" to="/sign-in" state={{ from: '/invitation', email: invitation.email }}>
          {t('installation.invitation.signInToAccept')}
        </Link>
      </Panel>
      <Panel title={t('installation.invitation.noAccount')}>
        <RegisterToAccept invitation={invitation} />
      </Panel>
    </div>
  );
}
