import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessWindow, PermissionLevel } from '../../../contract/installations.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DetailsList } from '../../components/DetailsList.tsx';
import { useDescribeAccessWindow } from '../../lib/access-window.ts';
import type { InstallationSummary } from '../../lib/current-installation.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { AccessWindowFields } from './AccessWindowFields.tsx';
import { membersQueryKey, usersApi, type Member } from './users.api.ts';

const fields = ['accessWindow'] as const;

interface Props {
  installation: InstallationSummary;
  member: Member;
  isMe: boolean;
  /** Whether the signed-in user may change and remove this member. */
  manage: boolean;
  onDone: (message: string) => void;
}

/** One user: contact details, level and access window; for managers, change of level and removal. */
export function MemberCard({ installation, member, isMe, manage, onDone }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const describeWindow = useDescribeAccessWindow();
  const queryClient = useQueryClient();
  const levelId = useId();
  const [level, setLevel] = useState<PermissionLevel>(member.level);
  const [window, setWindow] = useState<AccessWindow>(member.accessWindow ?? {});
  const refresh = () => queryClient.invalidateQueries({ queryKey: membersQueryKey(installation.id) });
  const changeLevel = useMutation({
    mutationFn: (change: { level: PermissionLevel; accessWindow?: AccessWindow | null }) => usersApi.change(installation.id, member.accountId, change),
    onSuccess: (_, change) => {
      onDone(t('installation.users.levelChanged', { name: member.name, level: t(`installation.levels.${change.level}`) }));
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => usersApi.removeMember(installation.id, member.accountId),
    onSuccess: () => {
      onDone(t('installation.users.removed', { name: member.name }));
      return refresh();
    },
  });
  const errors = useFormErrors(changeLevel.error ?? remove.error, fields);
  const submitChange = (event: FormEvent) => {
    event.preventDefault();
    // Only a restricted user has a window; an empty one means any time. Other levels drop it on the server.
    const accessWindow = level === 'restricted' ? (Object.keys(window).length ? window : null) : undefined;
    if (level === member.level && JSON.stringify(accessWindow ?? null) === JSON.stringify(member.accessWindow)) return;
    changeLevel.mutate({ level, accessWindow });
  };

  return (
    <li className="user-card">
      <h3 className="user-card__name">
        {member.name} {isMe && <span className="user-card__you">{t('installation.users.you')}</span>}
      </h3>
      <DetailsList
        rows={[
          { term: t('installation.users.level'), value: t(`installation.levels.${member.level}`) },
          ...(member.level === 'restricted' ? [{ term: t('installation.users.accessWindow'), value: describeWindow(member.accessWindow) }] : []),
          { term: t('installation.users.email'), value: member.email },
          { term: t('installation.users.phone'), value: member.phone ? format.phone(member.phone) : t('installation.users.noPhone') },
          { term: t('installation.users.since'), value: format.date(member.since) },
        ]}
      />
      {manage && (
        <div className="user-card__actions">
          {errors.message && (
            <Alert tone="error">
              <p>{errors.message}</p>
            </Alert>
          )}
          <form ref={errors.formRef} className="user-card__level" onSubmit={submitChange}>
            <label htmlFor={levelId}>{t('installation.users.changeLevel', { name: member.name })}</label>
            <div className="user-card__level-row">
              <select id={levelId} className="users__select" value={level} onChange={(e) => setLevel(e.target.value as PermissionLevel)}>
                {installation.assignableLevels.map((option) => (
                  <option key={option} value={option}>
                    {t(`installation.levels.${option}`)}
                  </option>
                ))}
              </select>
              {level !== 'restricted' && (
                <Button type="submit" variant="secondary" busy={changeLevel.isPending} busyLabel={t('installation.users.savingLevel')}>
                  {t('installation.users.saveLevel')}
                </Button>
              )}
            </div>
            {level === 'restricted' && (
              <>
                <AccessWindowFields value={window} onChange={setWindow} {...errors.field('accessWindow')} />
                <div>
                  <Button type="submit" variant="secondary" busy={changeLevel.isPending} busyLabel={t('installation.users.savingLevel')}>
                    {t('installation.users.saveLevel')}
                  </Button>
                </div>
              </>
            )}
          </form>
          <ConfirmButton
            label={t('installation.users.remove', { name: member.name })}
            question={t('installation.users.removeConfirm', { name: member.name, alias: installation.alias })}
            confirmLabel={t('installation.users.removeYes')}
            cancelLabel={t('installation.users.cancel')}
            busy={remove.isPending}
            busyLabel={t('installation.users.removing')}
            onConfirm={() => remove.mutate()}
          />
        </div>
      )}
    </li>
  );
}
