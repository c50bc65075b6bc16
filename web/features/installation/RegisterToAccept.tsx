import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { invitationPeek } from '../../../contract/installations.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { failureCode, useErrorText } from '../../lib/error-text.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { installationApi } from './installation.api.ts';

const passwordErrors = new Set(['password_too_short', 'password_too_long', 'password_too_common', 'password_contains_personal_data']);

/** A new person creates their account with the invited address; after confirming it they sign in and accept. */
export function RegisterToAccept({ invitation }: { invitation: z.infer<typeof invitationPeek> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const errorId = useId();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const register = useMutation({ mutationFn: installationApi.register });

  if (register.isSuccess) {
    return (
      <Alert tone="success">
        <p>{t('installation.invitation.registered', { email: invitation.email })}</p>
      </Alert>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate({ email: invitation.email, name: name.trim(), password, language: currentLanguage() });
  };
  const code = register.isError ? failureCode(register.error) : undefined;
  return (
    <>
      <p>{t('installation.invitation.noAccountIntro', { email: invitation.email })}</p>
      <form onSubmit={submit} noValidate className="invitation__register">
        <TextField
          label={t('installation.invitation.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          maxLength={100}
          required
          errorId={code === 'validation_failed' && !name.trim() ? errorId : undefined}
        />
        <TextField
          label={t('installation.invitation.password')}
          hint={t('installation.invitation.passwordHint')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          maxLength={1024}
          required
          errorId={code && (passwordErrors.has(code) || (code === 'validation_failed' && !password)) ? errorId : undefined}
        />
        {register.isError && (
          <div id={errorId}>
            <Alert tone="error">
              <p>{errorText(register.error)}</p>
            </Alert>
          </div>
        )}
        <Button type="submit" busy={register.isPending} busyLabel={t('installation.invitation.registering')}>
          {t('installation.invitation.register')}
        </Button>
      </form>
    </>
  );
}
