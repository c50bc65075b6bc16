import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import { NewPasswordField } from '../../components/NewPasswordField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { usePageTitle } from '../../lib/page-title.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { securityApi } from './security.api.ts';
import './security.css';

const fields = ['currentPassword', 'newPassword'] as const;

/** Säkerhet › Lösenord: change the password with the current one (POST /me/password). */
export function PasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('security.password.title'));
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [endTokens, setEndTokens] = useState(true);

  const change = useMutation({
    mutationFn: securityApi.changePassword,
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
    },
  });
  const errors = useFormErrors(change.error, fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword, endIntegrationTokens: endTokens });
  };

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
        {errors.message && (
          <Alert tone="error">
            <p>{errors.message}</p>
          </Alert>
        )}
        <form ref={errors.formRef} className="security-form" onSubmit={submit} noValidate>
          <TextField
            label={t('security.password.current')}
            type={shown ? 'text' : 'password'}
            name="current-password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
            {...errors.field('currentPassword')}
          />
          <Checkbox label={t('security.password.show')} checked={shown} onChange={(event) => setShown(event.target.checked)} />
          <NewPasswordField label={t('security.password.new')} value={newPassword} onChange={setNewPassword} {...errors.field('newPassword')} />
          <Checkbox label={t('security.password.endTokens')} checked={endTokens} onChange={(event) => setEndTokens(event.target.checked)} />
          <Button type="submit" busy={change.isPending} busyLabel={t('security.password.submitting')}>
            {t('security.password.submit')}
          </Button>
        </form>
      </Panel>
    </>
  );
}
