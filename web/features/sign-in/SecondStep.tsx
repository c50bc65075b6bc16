import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../lib/page-title.ts';
import { usePublicSettings } from '../../lib/queries.ts';
import { CodeFallbackNote } from './CodeFallbackNote.tsx';
import { CodeForm } from './CodeForm.tsx';
import { FailureNotice } from './FailureNotice.tsx';
import { OtherMethods } from './OtherMethods.tsx';
import { PasskeyForm } from './PasskeyForm.tsx';
import { signInApi } from './sign-in.api.ts';
import { endsSignIn, stepKind } from './sign-in.rules.ts';
import type { CodeSent } from './sign-in.types.ts';
import { useSmsFallback } from './use-sms-fallback.ts';

interface SecondStepProps {
  sent: CodeSent;
  onSignedIn: () => Promise<unknown>;
  /** Back to step 1, with the error that ended this sign-in if there was one. */
  onRestart: (error?: unknown) => void;
}

const titles = { code: 'signIn.codeTitle', totp: 'signedOut.secondStep.totpTitle', passkey: 'signedOut.secondStep.passkeyTitle' } as const;

/**
 * Step 2: a sent code (SMS or e-mail), a code from the authenticator app, or a passkey, with
 * the other methods the account has one press away (SPEC §3.4, §3.15).
 */
export function SecondStep({ sent: firstSent, onSignedIn, onRestart }: SecondStepProps) {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  const [sent, setSent] = useState(firstSent);
  const codeInput = useRef<HTMLInputElement>(null);
  const kind = stepKind(sent.channel);
  usePageTitle(t(titles[kind]));
  // "A new code was sent, the last one no longer works" is only true when a code was sent before.
  const [replacedCode, setReplacedCode] = useState(false);
  const sendCode = useMutation({
    mutationFn: (channel: 'sms' | 'email') => signInApi.sendCode(sent.flowId, channel),
    onSuccess: (answer) => {
      setReplacedCode(kind === 'code');
      setSent((current) => ({ ...current, ...answer }));
      codeInput.current?.focus();
    },
    onError: (error) => endsSignIn(error) && onRestart(error),
  });
  useSmsFallback(sent, sendCode.submittedAt, (update) => setSent((current) => ({ ...current, ...update })));

  /** The app and the passkey need nothing sent: switching to them is only a change of form. */
  const choose = (method: CodeSent['channel']) => {
    sendCode.reset();
    if (method === 'sms' || method === 'email') sendCode.mutate(method);
    else setSent((current) => ({ ...current, channel: method }));
  };

  // The masked address stays on one line: "+46 *** ** 01" split in two reads as two numbers.
  const sentTo = (sent.sentTo ?? '').replace(/ /g, '\u00a0');
  const resent = sent.channel === 'sms' ? 'signIn.resentBySms' : 'signIn.resentByEmail';
  return (
    <>
      {/* A new heading per kind of step, so focus moves to it when the user switches method. */}
      <PageHeading key={kind}>{t(titles[kind])}</PageHeading>
      <p className="lead">
        {kind === 'totp' && t('signedOut.secondStep.totpIntro')}
        {kind === 'passkey' && t('signedOut.secondStep.passkeyIntro')}
        {kind === 'code' && (
          <>
            {t(sent.channel === 'sms' ? 'signIn.sentBySms' : 'signIn.sentByEmail', { to: sentTo })} {t('signIn.codeValidity', { minutes: Math.round(sent.expiresInSeconds / 60) })}
          </>
        )}
      </p>
      {kind === 'code' && sent.fallbackReason && <CodeFallbackNote reason={sent.fallbackReason} />}
      {sendCode.isSuccess && replacedCode && <Alert tone="success">{t(resent, { to: sentTo })}</Alert>}
      {sendCode.error && <FailureNotice error={sendCode.error} />}
      {kind === 'passkey' ? (
        <PasskeyForm flowId={sent.flowId} onSignedIn={onSignedIn} onRestart={onRestart} />
      ) : (
        <CodeForm flowId={sent.flowId} source={kind === 'totp' ? 'totp' : 'sent'} inputRef={codeInput} onSignedIn={onSignedIn} onRestart={onRestart} />
      )}
      <div className="sign-in__alternatives">
        {kind === 'code' && (
          <Button variant="secondary" busy={sendCode.isPending && sendCode.variables === 'email'} busyLabel={t('signIn.sendingCode')} onClick={() => choose('email')}>
            {t('signIn.noCode')}
          </Button>
        )}
        <OtherMethods current={sent.channel} methods={sent.methods} pending={sendCode.isPending ? sendCode.variables : undefined} onChoose={choose} />
        <Button variant="quiet" onClick={() => onRestart()}>
          {t('signIn.startOver')}
        </Button>
      </div>
      {settings.data?.devInbox && kind === 'code' && (
        <p className="sign-in__dev-inbox">
          <a href="/dev/inbox" target="_blank" rel="noopener">
            {t('signIn.devInboxLink')}
          </a>
        </p>
      )}
    </>
  );
}
