import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { accountApi } from './account.api.ts';

const fields = ['email'] as const;
/** Taken when the link is asked for, the address is the form's only field. */
const codeFields = { email_taken: 'email' } as const;

/** A new e-mail address takes effect only when the link sent to it is opened (SPEC §3.11). */
export function EmailChangeForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const change = useMutation({ mutationFn: (address: string) => accountApi.requestEmailChange(address), onSuccess: () => setEmail('') });
  const errors = useFormErrors(change.error, fields, codeFields);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(email.trim());
  };
  return (
    <form ref={errors.formRef} onSubmit={submit} noValidate>
      <p>{t('account.emailChangeIntro')}</p>
      {change.isSuccess && <Alert tone="success">{t('account.emailChangeSent', { email: change.variables })}</Alert>}
      {errors.message && <Alert tone="error">{errors.message}</Alert>}
      <TextField label={t('account.newEmail')} type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} {...errors.field('email')} />
      <Button type="submit" busy={change.isPending} busyLabel={t('account.sending')}>
        {t('account.changeEmail')}
      </Button>
    </form>
  );
}
