import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccessWindow, PermissionLevel } from '../../../contract/installations.ts';
import { RequireInstallationAction } from '../../lib/signed-in/RequireInstallationAction.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { InstallationSummary } from '../../lib/current-installation.tsx';
import { FieldError } from '../../components/FieldError.tsx';
import { currentLanguage, languages, type Language } from '../../lib/i18n.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { AccessWindowFields } from './AccessWindowFields.tsx';
import { invitationsQueryKey, usersApi, type InviteInput } from './users.api.ts';
import './users.css';

/** Användare › Lägg till användare: level, then the person's details, then send (SPEC §4.3). */
export function AddUserPage() {
  const { t } = useTranslation();
  usePageTitle(t('installation.addUser.title'));
  const [round, setRound] = useState(0);
  return (
    <>
      <PageHeading>{t('installation.addUser.title')}</PageHeading>
      <RequireInstallationAction action="members.manage">
        {(installation) => <AddUser key={`${installation.id}-${round}`} installation={installation} onAnother={() => setRound((r) => r + 1)} />}
      </RequireInstallationAction>
    </>
  );
}

const fields = ['level', 'name', 'email', 'phone', 'accessWindow'] as const;
/** Refusals about the person invited rather than the invitation's shape: the address or the level chosen. */
const codeFields = { already_member: 'email', invitation_pending: 'email', level_not_allowed: 'level' } as const;

function AddUser({ installation, onAnother }: { installation: InstallationSummary; onAnother: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorId = useId();
  const successRef = useRef<HTMLDivElement>(null);
  const [level, setLevel] = useState<PermissionLevel | undefined>(installation.assignableLevels.at(-2) ?? installation.assignableLevels[0]);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [window, setWindow] = useState<AccessWindow>({});
  const invite = useMutation({
    mutationFn: (input: InviteInput) => usersApi.invite(installation.id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(installation.id) }),
  });
  const errors = useFormErrors(invite.error, fields, codeFields);
  const levelError = errors.field('level');
  useEffect(() => {
    if (invite.isSuccess) successRef.current?.focus();
  }, [invite.isSuccess]);

  if (invite.isSuccess) {
    return (
      <div className="add-user__done" ref={successRef} tabIndex={-1}>
        <Alert tone="success">
          <p>{t('installation.addUser.sent', { email: invite.data.email })}</p>
        </Alert>
        <div className="user-card__buttons">
          <Link to="/users">{t('installation.addUser.toUsers')}</Link>
          <Button variant="secondary" onClick={onAnother}>
            {t('installation.addUser.another')}
          </Button>
        </div>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!level) return;
    const restricted = level === 'restricted' && Object.keys(window).length > 0;
    invite.mutate({ level, name: name.trim(), email: email.trim(), phone: phone.trim(), language, ...(restricted ? { accessWindow: window } : {}) });
  };

  return (
    <>
      <p className="lead">{t('installation.addUser.intro')}</p>
      <form ref={errors.formRef} className="add-user" onSubmit={submit} noValidate>
        <fieldset className="add-user__fieldset" aria-describedby={levelError.error ? `${errorId}-level-error` : undefined} onInput={levelError.onInput}>
          <legend className="add-user__legend">{t('installation.addUser.level')}</legend>
          {levelError.error && <FieldError id={`${errorId}-level-error`}>{levelError.error}</FieldError>}
          {installation.assignableLevels.map((option) => (
            <div className="checkbox" key={option}>
              <input
                className="checkbox__input"
                type="radio"
                name="level"
                id={`${errorId}-${option}`}
                value={option}
                checked={level === option}
                onChange={() => setLevel(option)}
                aria-describedby={`${errorId}-${option}-hint`}
              />
              <div>
                <label className="checkbox__label" htmlFor={`${errorId}-${option}`}>
                  {t(`installation.levels.${option}`)}
                </label>
                <p className="field__hint" id={`${errorId}-${option}-hint`}>
                  {t(`installation.levelHints.${option}`)}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        <fieldset className="add-user__fieldset">
          <legend className="add-user__legend">{t('installation.addUser.details')}</legend>
          <TextField label={t('installation.addUser.name')} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={100} required {...errors.field('name')} />
          <TextField
            label={t('installation.addUser.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
            maxLength={320}
            required
            {...errors.field('email')}
          />
          <TextField
            label={t('installation.addUser.phone')}
            hint={t('installation.addUser.phoneHint')}
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            autoComplete="off"
            maxLength={30}
            required
            {...errors.field('phone')}
          />
          <div className="field">
            <label className="field__label" htmlFor={`${errorId}-language`}>
              {t('installation.addUser.language')}
            </label>
            <p className="field__hint" id={`${errorId}-language-hint`}>
              {t('installation.addUser.languageHint')}
            </p>
            <select
              id={`${errorId}-language`}
              className="users__select"
              value={language}
              onChange={(e) => setLanguage(e.target.value as Language)}
              aria-describedby={`${errorId}-language-hint`}
            >
              {languages.map((option) => (
                <option key={option} value={option} lang={option}>
                  {t(`language.${option}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        {level === 'restricted' && <AccessWindowFields value={window} onChange={setWindow} {...errors.field('accessWindow')} />}
        {errors.message && (
          <Alert tone="error">
            <p>{errors.message}</p>
          </Alert>
        )}
        <Button type="submit" busy={invite.isPending} busyLabel={t('installation.addUser.submitting')}>
          {t('installation.addUser.submit')}
        </Button>
      </form>
    </>
  );
}
