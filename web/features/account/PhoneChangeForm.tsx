import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { meQueryKey } from '../../lib/queries.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { accountApi } from './account.api.ts';

const numberFields = ['phone'] as const;
const confirmFields = ['code'] as const;

/** A new mobile number is saved once the code sent to it comes back (SPEC §3.11). */
export function PhoneChangeForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const codeInput = useRef<HTMLInputElement>(null);
  const send = useMutation({
    mutationFn: () => accountApi.requestPhoneChange(phone.trim()),
    onSuccess: () => codeInput.current?.focus(),
  });
  const confirm = useMutation({
    mutationFn: () => accountApi.confirmPhoneChange(code.replace(/\s/g, '')),
    onSuccess: async () => {
      send.reset();
      setPhone('');
      setCode('');
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });

  const numberErrors = useFormErrors(send.error, numberFields);
  const codeErrors = useFormErrors(confirm.error, confirmFields);

  const submitNumber = (event: FormEvent) => {
    event.preventDefault();
    confirm.reset();
    send.mutate();
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  return (
    <>
      <p>{t('account.phoneChangeIntro')}</p>
      {confirm.isSuccess && <Alert tone="success">{t('account.phoneChanged')}</Alert>}
      {numberErrors.message && <Alert tone="error">{numberErrors.message}</Alert>}
      <form ref={numberErrors.formRef} onSubmit={submitNumber} noValidate>
        <TextField label={t('account.newPhone')} hint={t('account.phoneHint')} type="tel" autoComplete="tel" required value={phone} onChange={(event) => setPhone(event.target.value)} {...numberErrors.field('phone')} />
        <Button type="submit" variant={send.isSuccess ? 'secondary' : 'primary'} busy={send.isPending} busyLabel={t('account.sending')}>
          {send.isSuccess ? t('account.sendNewPhoneCode') : t('account.sendPhoneCode')}
        </Button>
      </form>
      {send.isSuccess && (
        <form ref={codeErrors.formRef} className="account-form__follow-up" onSubmit={submitCode} noValidate>
          <Alert tone="info">{t('account.phoneCodeSent', { to: send.data.sentTo.replace(/ /g, '\u00a0') })}</Alert>
          {codeErrors.message && <Alert tone="error">{codeErrors.message}</Alert>}
          <TextField
            ref={codeInput}
            label={t('account.phoneCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
            {...codeErrors.field('code')}
          />
          <Button type="submit" busy={confirm.isPending} busyLabel={t('account.saving')}>
            {t('account.confirmPhone')}
          </Button>
        </form>
      )}
    </>
  );
}
