import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { invitationPeek } from '../../../contract/installations.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { currentLanguage } from '../../lib/i18n.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { installationApi } from './installation.api.ts';

const fields = ['name', 'password'] as const;

/** A new person creates their account with the invited address; after confirming it they sign in and accept. */
export function RegisterToAccept({ invitation }: { invitation: z.infer<typeof invitationPeek> }) {
  const { t } = useTranslation();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const register = useMutation({ mutationFn: installationApi.register });
  const errors = useFormErrors(register.error, fields);

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
  return (
    <>
      <p>{t('installation.invitation.noAccountIntro', { email: invitation.email })}</p>
      <form ref={errors.formRef} onSubmit={submit} noValidate className="invitation__register">
        <TextField label={t('installation.invitation.name')} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={100} required {...errors.field('name')} />
        <TextField
          label={t('installation.invitation.password')}
          hint={t('installation.invitation.passwordHint')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          maxLength={1024}
          required
          {...errors.field('password')}
        />
        {errors.message && (
          <Alert tone="error">
            <p>{errors.message}</p>
          </Alert>
        )}
        <Button type="submit" busy={register.isPending} busyLabel={t('installation.invitation.registering')}>
          {t('installation.invitation.register')}
        </Button>
      </form>
    </>
  );
}
