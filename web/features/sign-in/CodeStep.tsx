import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { api } from '../../lib/api.ts';
import { failureCode } from '../../lib/error-text.ts';
import { usePublicSettings } from '../../lib/queries.ts';
import { CodeFallbackNote } from './CodeFallbackNote.tsx';
import { FailureNotice } from './FailureNotice.tsx';
import type { CodeSent } from './sign-in.types.ts';

interface CodeStepProps {
  sent: CodeSent;
  onSignedIn: () => Promise<unknown>;
  /** Back to step 1, with the error that ended this sign-in if there was one. */
  onRestart: (error?: unknown) => void;
}

/** These end the sign-in: only a new password attempt can go on. */
const endsSignIn = (error: unknown) => ['flow_expired', 'account_locked'].includes(failureCode(error));

/** Step 2: the one-time code, "I didn't get a code" and "trust this device". */
export function CodeStep({ sent: firstSent, onSignedIn, onRestart }: CodeStepProps) {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  const [sent, setSent] = useState(firstSent);
  const [code, setCode] = useState('');
  const [trustDevice, setTrustDevice] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  const verify = useMutation({
    mutationFn: api.verifyCode,
    onSuccess: onSignedIn,
    onError: (error) => {
      if (endsSignIn(error)) return onRestart(error);
      setCode('');
      codeInput.current?.focus();
    },
  });
  const resend = useMutation({
    mutationFn: () => api.resendCode(sent.flowId),
    onSuccess: (answer) => {
      setSent({ ...sent, ...answer });
      verify.reset();
      codeInput.current?.focus();
    },
    onError: (error) => endsSignIn(error) && onRestart(error),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    resend.reset();
    verify.mutate({ flowId: sent.flowId, code: code.replace(/\s/g, ''), trustDevice });
  };

  // The masked address stays on one line: "+46 *** ** 01" split in two reads as two numbers.
  const sentTo = (sent.sentTo ?? '').replace(/ /g, '\u00a0');
  const where = sent.channel === 'sms' ? 'signIn.sentBySms' : 'signIn.sentByEmail';
  const resent = sent.channel === 'sms' ? 'signIn.resentBySms' : 'signIn.resentByEmail';
  return (
    <>
      <PageHeading>{t('signIn.codeTitle')}</PageHeading>
      <p className="lead">
        {t(where, { to: sentTo })} {t('signIn.codeValidity', { minutes: Math.round(sent.expiresInSeconds / 60) })}
      </p>
      {sent.fallbackReason && <CodeFallbackNote reason={sent.fallbackReason} />}
      {resend.isSuccess && <Alert tone="success">{t(resent, { to: sentTo })}</Alert>}
      {verify.error && <FailureNotice error={verify.error} />}
      {resend.error && <FailureNotice error={resend.error} />}
      <form className="sign-in__form" onSubmit={submit} noValidate>
        <TextField
          ref={codeInput}
          className="field--code"
          label={t('signIn.code')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          required
          aria-invalid={failureCode(verify.error) === 'invalid_code' || undefined}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <Checkbox
          label={t('signIn.trustDevice')}
          hint={settings.data && t('signIn.trustDeviceHint', { days: settings.data.trustedDeviceDays })}
          checked={trustDevice}
          onChange={(event) => setTrustDevice(event.target.checked)}
        />
        <Button type="submit" busy={verify.isPending} busyLabel={t('signIn.verifying')}>
          {t('signIn.verify')}
        </Button>
      </form>
      <div className="sign-in__alternatives">
        <Button variant="secondary" busy={resend.isPending} busyLabel={t('signIn.sendingCode')} onClick={() => resend.mutate()}>
          {t('signIn.noCode')}
        </Button>
        <Button variant="quiet" onClick={() => onRestart()}>
          {t('signIn.startOver')}
        </Button>
      </div>
      {settings.data?.devInbox && (
        <p className="sign-in__dev-inbox">
          <a href="/dev/inbox" target="_blank" rel="noopener">
            {t('signIn.devInboxLink')}
          </a>
        </p>
      )}
    </>
  );
}
