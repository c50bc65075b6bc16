import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Panel } from '../../components/Panel.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useErrorText } from '../../lib/error-text.ts';
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
  const errorText = useErrorText();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [phone, setPhone] = useState(() => format.phone(offered));
  // A number is not broken over two lines.
  const shown = (number: string) => format.phone(number).replace(/ /g, '\u00a0');
  const [code, setCode] = useState('');
  const codeInput = useRef<HTMLInputElement>(null);
  const send = useMutation({
    mutationFn: () => installationApi.sendInvitedPhoneCode(token, phone.trim()),
    onSuccess: () => codeInput.current?.focus(),
  });
  const confirm = useMutation({
    mutationFn: () => installationApi.confirmInvitedPhone(token, code.replace(/\s/g, '')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });

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
    <Panel title={t('installation.invitation.phoneTitle')}>
      {confirm.isSuccess ? (
        <Alert tone="success">
          <p>{t('installation.invitation.phoneConfirmed', { phone: shown(phone) })}</p>
        </Alert>
      ) : (
        <>
          <p>{t('installation.invitation.phoneIntro', { inviter, phone: shown(offered) })}</p>
          {send.error && <Alert tone="error">{errorText(send.error)}</Alert>}
          <form className="invitation__phone" onSubmit={submitNumber} noValidate>
            <TextField
              label={t('installation.invitation.phone')}
              hint={t('installation.invitation.phoneHint')}
              type="tel"
              autoComplete="tel"
              maxLength={40}
              required
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
            />
            <Button type="submit" variant={send.isSuccess ? 'secondary' : 'primary'} busy={send.isPending} busyLabel={t('installation.invitation.sending')}>
              {send.isSuccess ? t('installation.invitation.sendNewPhoneCode') : t('installation.invitation.sendPhoneCode')}
            </Button>
          </form>
          {send.isSuccess && (
            <form className="invitation__phone" onSubmit={submitCode} noValidate>
              <Alert tone="info">{t('installation.invitation.phoneCodeSent', { to: send.data.sentTo.replace(/ /g, '\u00a0') })}</Alert>
              {confirm.error && <Alert tone="error">{errorText(confirm.error)}</Alert>}
              <TextField
                ref={codeInput}
                label={t('installation.invitation.phoneCode')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={12}
                required
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
              <Button type="submit" busy={confirm.isPending} busyLabel={t('installation.invitation.confirming')}>
                {t('installation.invitation.confirmPhone')}
              </Button>
            </form>
          )}
          <p>{t('installation.invitation.phoneSkip')}</p>
        </>
      )}
    </Panel>
  );
}
