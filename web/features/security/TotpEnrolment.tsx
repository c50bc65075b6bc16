import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { qrCodeDataUrl } from '../../lib/qr-code.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { securityApi, securityKeys } from './security.api.ts';

interface TotpEnrolmentProps {
  enrolment: { id: string; secret: string; otpauthUri: string };
  onConfirmed: () => void;
  onCancel: () => void;
}

/** Base32 in groups of four is far easier to copy by hand than one long string. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;
const fields = ['code'] as const;

/** Connecting an authenticator app: the key to type in (or open), then a code from the app to prove it works. */
export function TotpEnrolment({ enrolment, onConfirmed, onCancel }: TotpEnrolmentProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [code, setCode] = useState('');
  const qrCode = useQuery({
    queryKey: ['totp-qr-code', enrolment.otpauthUri],
    queryFn: () => qrCodeDataUrl(enrolment.otpauthUri),
    staleTime: Infinity,
    gcTime: 0,
  });
  useEffect(() => heading.current?.focus(), []);

  const confirm = useMutation({
    mutationFn: () => securityApi.confirmTotp(enrolment.id, code.replace(/\s/g, '')),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: securityKeys.all });
      onConfirmed();
    },
    onError: () => setCode(''),
  });
  const errors = useFormErrors(confirm.error, fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };

  return (
    <div className="enrolment">
      <h3 className="enrolment__title" ref={heading} tabIndex={-1}>
        {t('security.twoFactor.enrolTitle')}
      </h3>
      <ol className="enrolment__steps">
        <li>{t('security.twoFactor.enrolStep1')}</li>
        <li>
          <p>{t('security.twoFactor.enrolStep2')}</p>
          <div className="enrolment__key">
            {qrCode.data && <img className="enrolment__qr" src={qrCode.data} alt={t('security.twoFactor.qrAlt')} width={176} height={176} />}
            <div>
              <p>{t('security.twoFactor.enrolStep2Key')}</p>
              <p className="enrolment__secret">
                <span className="visually-hidden">{t('security.twoFactor.secretLabel')}: </span>
                <code>{grouped(enrolment.secret)}</code>
              </p>
            </div>
          </div>
          <p>
            <a href={enrolment.otpauthUri}>{t('security.twoFactor.enrolLink')}</a>
          </p>
        </li>
        <li>
          <p>{t('security.twoFactor.enrolStep3')}</p>
          <form ref={errors.formRef} onSubmit={submit} noValidate>
            {errors.message && (
              <Alert tone="error">
                <p>{errors.message}</p>
              </Alert>
            )}
            <TextField
              className="field--code"
              label={t('security.twoFactor.appCode')}
              name="totp-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={10}
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
              {...errors.field('code')}
            />
            <div className="security-actions">
              <Button type="submit" busy={confirm.isPending} busyLabel={t('security.twoFactor.confirmingApp')}>
                {t('security.twoFactor.confirmApp')}
              </Button>
              <Button variant="secondary" onClick={onCancel}>
                {t('security.twoFactor.cancel')}
              </Button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}
