import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import { NewPasswordField } from '../../components/NewPasswordField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { failureCode, useErrorText } from '../../lib/error-text.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { securityApi } from './security.api.ts';
import './security.css';

const newPasswordProblems = new Set(['password_too_short', 'password_too_long', 'password_too_common', 'password_contains_personal_data']);

/** Which field an error is about, so the message is read out with that field. */
function fieldOf(error: unknown): 'current' | 'new' | undefined {
  const code = failureCode(error);
  if (code === 'invalid_credentials') return 'current';
  return newPasswordProblems.has(code) ? 'new' : undefined;
}

/** Säkerhet › Lösenord: change the password with the current one (POST /me/password). */
export function PasswordPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  usePageTitle(t('security.password.title'));
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [endTokens, setEndTokens] = useState(true);
  const errorId = useId();
  const currentInput = useRef<HTMLInputElement>(null);
  const newInput = useRef<HTMLInputElement>(null);

  const change = useMutation({
    mutationFn: securityApi.changePassword,
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
    },
    onError: (error) => {
      const field = fieldOf(error);
      if (field === 'current') currentInput.current?.focus();
      if (field === 'new') newInput.current?.focus();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword, endIntegrationTokens: endTokens });
  };

  const field = change.error ? fieldOf(change.error) : undefined;
  const currentError = field === 'current' ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  const message = failureCode(change.error) === 'invalid_credentials' ? t('security.password.wrongCurrent') : errorText(change.error);
  return (
    <>
      <PageHeading>{t('security.password.title')}</PageHeading>
      <p className="lead">{t('security.password.intro')}</p>
      <Panel title={t('security.password.formTitle')}>
        {change.isSuccess && (
          <Alert tone="success">
            <p>{t('security.password.changed')}</p>
            {change.data.integrationTokensEnded > 0 && <p>{t('security.password.tokensEnded', { count: change.data.integrationTokensEnded })}</p>}
          </Alert>
        )}
        {change.isError && field !== 'new' && (
          <Alert tone="error">
            <p id={errorId}>{message}</p>
          </Alert>
        )}
        <form className="security-form" onSubmit={submit} noValidate>
          <TextField
            ref={currentInput}
            label={t('security.password.current')}
            type={shown ? 'text' : 'password'}
            name="current-password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
            {...currentError}
          />
          <Checkbox label={t('security.password.show')} checked={shown} onChange={(event) => setShown(event.target.checked)} />
          <NewPasswordField ref={newInput} label={t('security.password.new')} value={newPassword} onChange={setNewPassword} error={field === 'new' ? message : undefined} />
          <Checkbox label={t('security.password.endTokens')} checked={endTokens} onChange={(event) => setEndTokens(event.target.checked)} />
          <Button type="submit" busy={change.isPending} busyLabel={t('security.password.submitting')}>
            {t('security.password.submit')}
          </Button>
        </form>
      </Panel>
    </>
  );
}
