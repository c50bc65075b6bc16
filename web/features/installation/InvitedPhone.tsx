import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Panel } from '../../components/Panel.tsx';
import { PhoneConfirmation } from '../../components/PhoneConfirmation.tsx';
import { useFormat } from '../../lib/format.ts';
import { meQueryKey } from '../../lib/queries.ts';
import { installationApi } from './installation.api.ts';

/**
 * Before accepting, the invitee confirms the number the inviter typed (or their own instead) with
 * a code by SMS; skipped, the account stays without one. Shown only to an account with no
 * verified number (ADR 0045).
 */
export function InvitedPhone({ token, inviter }: { token: string; inviter: string }) {
  const offer = useQuery({ queryKey: ['invitation', token, 'phone'], queryFn: () => installationApi.invitedPhone(token), retry: false, staleTime: Infinity });
  // Errors such as an expired link show where the invitee accepts.
  if (!offer.data?.phone) return null;
  return <ConfirmPhone token={token} inviter={inviter} offered={offer.data.phone} />;
}

function ConfirmPhone({ token, inviter, offered }: { token: string; inviter: string; offered: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [phone, setPhone] = useState(() => format.phone(offered));
  const [code, setCode] = useState('');
  // A number is not broken over two lines.
  const shown = (number: string) => format.phone(number).replace(/ /g, '\u00a0');
  const send = useMutation({ mutationFn: () => installationApi.sendInvitedPhoneCode(token, phone.trim()) });
  const confirm = useMutation({
    mutationFn: () => installationApi.confirmInvitedPhone(token, code.replace(/\s/g, '')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
  return (
    <Panel title={t('installation.invitation.phoneTitle')}>
      {confirm.isSuccess ? (
        <Alert tone="success">
          <p>{t('installation.invitation.phoneConfirmed', { phone: shown(phone) })}</p>
        </Alert>
      ) : (
        <>
          <p>{t('installation.invitation.phoneIntro', { inviter, phone: shown(offered) })}</p>
          <PhoneConfirmation
            phone={phone}
            onPhoneChange={setPhone}
            code={code}
            onCodeChange={setCode}
            send={send}
            confirm={confirm}
            formClassName="invitation__phone"
            texts={{
              phone: t('installation.invitation.phone'),
              phoneHint: t('installation.invitation.phoneHint'),
              sendCode: t('installation.invitation.sendPhoneCode'),
              sendNewCode: t('installation.invitation.sendNewPhoneCode'),
              sending: t('installation.invitation.sending'),
              codeSent: (to) => t('installation.invitation.phoneCodeSent', { to }),
              code: t('installation.invitation.phoneCode'),
              confirm: t('installation.invitation.confirmPhone'),
              confirming: t('installation.invitation.confirming'),
            }}
          />
          <p>{t('installation.invitation.phoneSkip')}</p>
        </>
      )}
    </Panel>
  );
}
