import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, type FormEvent } from 'react';
import { useFormErrors } from '../lib/use-form-errors.ts';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';
import { TextField } from './TextField.tsx';

const numberFields = ['phone'] as const;
const codeFields = ['code'] as const;

export interface PhoneConfirmationTexts {
  phone: string;
  phoneHint: string;
  sendCode: string;
  sendNewCode: string;
  sending: string;
  codeSent: (to: string) => string;
  code: string;
  confirm: string;
  confirming: string;
}

export interface PhoneConfirmationProps {
  phone: string;
  onPhoneChange: (phone: string) => void;
  code: string;
  onCodeChange: (code: string) => void;
  /** Sends a code to `phone`; answers where it went. */
  send: UseMutationResult<{ sentTo: string }, Error, void>;
  /** Checks `code`. */
  confirm: UseMutationResult<unknown, Error, void>;
  texts: PhoneConfirmationTexts;
  /** Of both forms; the code's form also gets `codeFormClassName`. */
  formClassName?: string;
  codeFormClassName?: string;
}

/**
 * A number confirmed by the code sent to it: the number's form, then the code's. One way for
 * every place a mobile number is set (the account page, accepting an invitation), each failure
 * shown at its field.
 */
export function PhoneConfirmation({ phone, onPhoneChange, code, onCodeChange, send, confirm, texts, formClassName, codeFormClassName }: PhoneConfirmationProps) {
  const codeInput = useRef<HTMLInputElement>(null);
  const numberErrors = useFormErrors(send.error, numberFields);
  const codeErrors = useFormErrors(confirm.error, codeFields);

  const submitNumber = (event: FormEvent) => {
    event.preventDefault();
    confirm.reset();
    send.mutate(undefined, { onSuccess: () => codeInput.current?.focus() });
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  return (
    <>
      {numberErrors.message && <Alert tone="error">{numberErrors.message}</Alert>}
      <form ref={numberErrors.formRef} className={formClassName} onSubmit={submitNumber} noValidate>
        <TextField
          label={texts.phone}
          hint={texts.phoneHint}
          type="tel"
          autoComplete="tel"
          maxLength={40}
          required
          value={phone}
          onChange={(event) => onPhoneChange(event.target.value)}
          {...numberErrors.field('phone')}
        />
        <Button type="submit" variant={send.isSuccess ? 'secondary' : 'primary'} busy={send.isPending} busyLabel={texts.sending}>
          {send.isSuccess ? texts.sendNewCode : texts.sendCode}
        </Button>
      </form>
      {send.isSuccess && (
        <form ref={codeErrors.formRef} className={[formClassName, codeFormClassName].filter(Boolean).join(' ') || undefined} onSubmit={submitCode} noValidate>
          {/* A number is not broken over two lines. */}
          <Alert tone="info">{texts.codeSent(send.data.sentTo.replace(/ /g, '\u00a0'))}</Alert>
          {codeErrors.message && <Alert tone="error">{codeErrors.message}</Alert>}
          <TextField
            ref={codeInput}
            label={texts.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            required
            value={code}
            onChange={(event) => onCodeChange(event.target.value)}
            {...codeErrors.field('code')}
          />
          <Button type="submit" busy={confirm.isPending} busyLabel={texts.confirming}>
            {texts.confirm}
          </Button>
        </form>
      )}
    </>
  );
}
