import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contract/auth.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { api } from '../../lib/api.ts';
import { changeLanguage, languages, type Language } from '../../lib/i18n.ts';
import { meQueryKey } from '../../lib/queries.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';

const fields = ['name', 'language'] as const;

/** Name and the language of the portal, e-mails and SMS (PATCH /me). */
export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const [language, setLanguage] = useState<Language>(me.language);
  const save = useMutation({
    mutationFn: () => api.updateMe({ name: name.trim(), language }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(meQueryKey, updated);
      await changeLanguage(updated.language);
    },
  });
  const errors = useFormErrors(save.error, fields);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form ref={errors.formRef} onSubmit={submit} noValidate>
      {save.isSuccess && <Alert tone="success">{t('account.profileSaved')}</Alert>}
      {errors.message && <Alert tone="error">{errors.message}</Alert>}
      <TextField label={t('account.name')} autoComplete="name" maxLength={100} required value={name} onChange={(event) => setName(event.target.value)} {...errors.field('name')} />
      <fieldset className="account-form__choices">
        <legend className="field__label">{t('account.language')}</legend>
        {languages.map((option) => (
          <label key={option} className="account-form__choice" lang={option}>
            <input type="radio" name="language" value={option} checked={language === option} onChange={() => setLanguage(option)} />
            {t(`language.${option}`)}
          </label>
        ))}
      </fieldset>
      <Button type="submit" busy={save.isPending} busyLabel={t('account.saving')}>
        {t('account.save')}
      </Button>
    </form>
  );
}
