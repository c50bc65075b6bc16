import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useStepUpRequest } from '../../lib/step-up.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { stepUpApi } from './step-up.api.ts';
import './step-up.css';

type Method = { kind: 'password' } | { kind: 'code'; sentTo: string; channel: 'sms' | 'email' };

/** The server names the field a wrong answer belongs to. */
const fields = ['password', 'code'] as const;

/** The form inside the dialog: the password, or a code sent by SMS (e-mail when SMS cannot be used). */
function StepUpForm({ onConfirmed, onCancel }: { onConfirmed: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<Method>({ kind: 'password' });
  const [secret, setSecret] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const confirm = useMutation({
    mutationFn: () => (method.kind === 'password' ? stepUpApi.withPassword(secret) : stepUpApi.withCode(secret.replace(/\s/g, ''))),
    onSuccess: onConfirmed,
    onError: () => setSecret(''),
  });
  const sendCode = useMutation({
    mutationFn: (channel: 'sms' | 'email') => stepUpApi.sendCode(channel),
    onSuccess: (sent) => {
      confirm.reset();
      setSecret('');
      setMethod({ kind: 'code', sentTo: sent.sentTo.replace(/ /g, '\u00a0'), channel: sent.channel });
      input.current?.focus();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  const errors = useFormErrors(confirm.error ?? sendCode.error, fields);
  return (
    <form ref={errors.formRef} onSubmit={submit} noValidate>
      <p>{method.kind === 'password' ? t('stepUp.passwordIntro') : t(method.channel === 'sms' ? 'stepUp.codeSentBySms' : 'stepUp.codeSentByEmail', { to: method.sentTo })}</p>
      {errors.message && <Alert tone="error">{errors.message}</Alert>}
      {method.kind === 'password' ? (
        <TextField
          ref={input}
          label={t('stepUp.password')}
          type="password"
          autoComplete="current-password"
          autoFocus
          required
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
          {...errors.field('password')}
        />
      ) : (
        <TextField
          ref={input}
          label={t('stepUp.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          required
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
          {...errors.field('code')}
        />
      )}
      <div className="step-up__actions">
        <Button type="submit" busy={confirm.isPending} busyLabel={t('stepUp.confirming')}>
          {t('stepUp.confirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('stepUp.cancel')}
        </Button>
      </div>
      {/* After an SMS, "I got no code" sends the next one by e-mail at once (ADR 0041). */}
      <Button variant="quiet" busy={sendCode.isPending} busyLabel={t('stepUp.sendingCode')} onClick={() => sendCode.mutate(method.kind === 'code' ? 'email' : 'sms')}>
        {method.kind === 'password' ? t('stepUp.useCode') : method.channel === 'sms' ? t('stepUp.noCode') : t('stepUp.sendNewCode')}
      </Button>
    </form>
  );
}

/**
 * Asks the user to confirm who they are when the API wants a step-up, then lets the waiting call
 * go on. A modal <dialog> keeps focus inside and closes on Escape, which counts as cancelling.
 */
export function StepUpDialog() {
  const { t } = useTranslation();
  const { open, finish } = useStepUpRequest();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
    if (!open && element?.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="step-up" aria-labelledby={titleId} onCancel={() => finish(false)}>
      <h2 id={titleId} className="step-up__title">
        {t('stepUp.title')}
      </h2>
      {open && <StepUpForm onConfirmed={() => finish(true)} onCancel={() => finish(false)} />}
    </dialog>
  );
}
