import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SignedOutPage } from '../../components/SignedOutPage.tsx';
import { usePrefilledEmail } from '../../lib/prefilled-email.ts';
import type { SignInLocationState } from '../../lib/sign-in-location.ts';
import { meQueryKey, useMe } from '../../lib/queries.ts';
import { CredentialsStep } from './CredentialsStep.tsx';
import { SignInHelp } from './SignInHelp.tsx';
import type { CodeSent, StepNotice } from './sign-in.types.ts';
import './sign-in.css';

// The code and passkey step (with the WebAuthn library) is fetched once the password is accepted,
// so the first visit loads only the first step.
const SecondStep = lazy(async () => ({ default: (await import('./SecondStep.tsx')).SecondStep }));

type Step = { kind: 'credentials'; email: string; notice?: StepNotice } | { kind: 'code'; email: string; sent: CodeSent };

export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  const state = (useLocation().state ?? {}) as SignInLocationState;
  const prefilled = usePrefilledEmail();
  const [step, setStep] = useState<Step>({ kind: 'credentials', email: prefilled, notice: state.notice ? { kind: state.notice } : undefined });

  if (me.data) return <Navigate to={state.from ?? '/'} replace />;

  // Loading the account sends the user on (above) once the session cookie is set.
  const signedIn = () => queryClient.invalidateQueries({ queryKey: meQueryKey });
  return (
    <SignedOutPage help={<SignInHelp />}>
      {step.kind === 'credentials' ? (
        <CredentialsStep initialEmail={step.email} notice={step.notice} onCodeSent={(sent, email) => setStep({ kind: 'code', email, sent })} onSignedIn={signedIn} />
      ) : (
        <Suspense fallback={<LoadingState label={t('app.loading')} />}>
          <SecondStep
            sent={step.sent}
            onSignedIn={signedIn}
            onRestart={(error) => setStep({ kind: 'credentials', email: step.email, notice: error ? { kind: 'failure', error } : undefined })}
          />
        </Suspense>
      )}
    </SignedOutPage>
  );
}
