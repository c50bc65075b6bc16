import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DetailsList } from '../../components/DetailsList.tsx';
import { useDescribeAccessWindow } from '../../lib/access-window.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useFormat } from '../../lib/format.ts';
import { invitationsQueryKey, usersApi, type Invitation } from './users.api.ts';

interface Props {
  installationId: string;
  invitation: Invitation;
  /** Whether the signed-in user may re-send and withdraw it (only for levels they may give). */
  manage: boolean;
  onDone: (message: string) => void;
}

/** An invitation not yet accepted: to whom, which level, until when; re-send or withdraw it. */
export function InvitationCard({ installationId, invitation, manage, onDone }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const format = useFormat();
  const describeWindow = useDescribeAccessWindow();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(installationId) });
  const resend = useMutation({
    mutationFn: () => usersApi.resend(installationId, invitation.id),
    onSuccess: () => {
      onDone(t('installation.users.resent', { email: invitation.email }));
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => usersApi.revoke(installationId, invitation.id),
    onSuccess: () => {
      onDone(t('installation.users.revoked', { email: invitation.email }));
      return refresh();
    },
  });
  const failure = resend.error ?? revoke.error;
  const validity = invitation.expired
    ? t('installation.users.expired', { date: format.dateTime(invitation.expiresAt) })
    : t('installation.users.expiresAt', { date: format.dateTime(invitation.expiresAt) });

  return (
    <li className={`user-card${invitation.expired ? ' user-card--expired' : ''}`}>
      <h3 className="user-card__name">{invitation.name}</h3>
      <DetailsList
        rows={[
          { term: t('installation.users.level'), value: t(`installation.levels.${invitation.level}`) },
          ...(invitation.level === 'restricted' ? [{ term: t('installation.users.accessWindow'), value: describeWindow(invitation.accessWindow) }] : []),
          { term: t('installation.users.email'), value: invitation.email },
          { term: t('installation.users.phone'), value: format.phone(invitation.phone) },
        ]}
      />
      <p className="user-card__meta">
        {t('installation.users.invitedBy', { name: invitation.invitedBy })} · {validity}
      </p>
      {manage && (
        <div className="user-card__actions">
          {failure !== null && (
            <Alert tone="error">
              <p>{errorText(failure)}</p>
            </Alert>
          )}
          <div className="user-card__buttons">
            <Button variant="secondary" busy={resend.isPending} busyLabel={t('installation.users.resending')} onClick={() => resend.mutate()}>
              {t('installation.users.resend', { name: invitation.name })}
            </Button>
            <Button variant="secondary" busy={revoke.isPending} busyLabel={t('installation.users.revoking')} onClick={() => revoke.mutate()}>
              {t('installation.users.revoke', { name: invitation.name })}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
