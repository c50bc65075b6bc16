import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { api } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { FailureNotice } from './FailureNotice.tsx';
import { endsSignIn } from './sign-in.rules.ts';
import { TrustDeviceCheckbox } from './TrustDeviceCheckbox.tsx';

const fields = ['code'] as const;
/** The sign-in answer names no field, as the flow's code may also be a passkey's. */
const codeFields = { invalid_code: 'code' } as const;

interface CodeFormProps {
  flowId: string;
  /** A sent code, or one from the authenticator app; the server takes either. */
  source: 'sent' | 'totp';
  inputRef: Ref<HTMLInputElement>;
  onSignedIn: () => Promise<unknown>;
  onRestart: (error: unknown) => void;
}

/** The six-digit code and "trust this device". */
export function CodeForm({ flowId, source, inputRef, onSignedIn, onRestart }: CodeFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [trustDevice, setTrustDevice] = useState(false);
  const verify = useMutation({
    mutationFn: api.verifyCode,
    onSuccess: onSignedIn,
    onError: (error) => {
      if (endsSignIn(error)) return onRestart(error);
      setCode('');
    },
  });
  const errors = useFormErrors(verify.error, fields, codeFields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate({ flowId, code: code.replace(/\s/g, ''), trustDevice });
  };

  return (
    <>
      {errors.message && <FailureNotice error={verify.error} />}
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <TextField
          ref={inputRef}
          className="field--code"
          label={t(source === 'totp' ? 'signedOut.secondStep.totpCode' : 'signIn.code')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          {...errors.field('code')}
        />
        <TrustDeviceCheckbox checked={trustDevice} onChange={setTrustDevice} />
        <Button type="submit" busy={verify.isPending} busyLabel={t('signIn.verifying')}>
          {t('signIn.verify')}
        </Button>
      </form>
    </>
  );
}
