import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { PhoneConfirmation } from '../../components/PhoneConfirmation.tsx';
import { meQueryKey } from '../../lib/queries.ts';
import { accountApi } from './account.api.ts';

/** A new mobile number is saved once the code sent to it comes back (SPEC §3.11). */
export function PhoneChangeForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const send = useMutation({ mutationFn: () => accountApi.requestPhoneChange(phone.trim()) });
  const confirm = useMutation({
    mutationFn: () => accountApi.confirmPhoneChange(code.replace(/\s/g, '')),
    onSuccess: async () => {
      send.reset();
      setPhone('');
      setCode('');
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
  return (
    <>
      <p>{t('account.phoneChangeIntro')}</p>
      {confirm.isSuccess && <Alert tone="success">{t('account.phoneChanged')}</Alert>}
      <PhoneConfirmation
        phone={phone}
        onPhoneChange={setPhone}
        code={code}
        onCodeChange={setCode}
        send={send}
        confirm={confirm}
        codeFormClassName="account-form__follow-up"
        texts={{
          phone: t('account.newPhone'),
          phoneHint: t('account.phoneHint'),
          sendCode: t('account.sendPhoneCode'),
          sendNewCode: t('account.sendNewPhoneCode'),
          sending: t('account.sending'),
          codeSent: (to) => t('account.phoneCodeSent', { to }),
          code: t('account.phoneCode'),
          confirm: t('account.confirmPhone'),
          confirming: t('account.saving'),
        }}
      />
    </>
  );
}
