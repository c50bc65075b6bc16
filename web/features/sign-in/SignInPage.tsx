import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { usePageTitle } from '../../lib/page-title.ts';
import { meQueryKey, useMe } from '../../lib/queries.ts';
import { CodeStep } from './CodeStep.tsx';
import { CredentialsStep } from './CredentialsStep.tsx';
import { SignInHelp } from './SignInHelp.tsx';
import type { CodeSent, StepNotice } from './sign-in.types.ts';
import './sign-in.css';

/** What other pages may hand to the sign-in page through the router's location state. */
export interface SignInLocationState {
  /** Where to go after signing in. */
  from?: string;
  notice?: 'signed_out' | 'session_ended';
}

type Step = { kind: 'credentials'; email: string; notice?: StepNotice } | { kind: 'code'; email: string; sent: CodeSent };

export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  const state = (useLocation().state ?? {}) as SignInLocationState;
  const [step, setStep] = useState<Step>({ kind: 'credentials', email: '', notice: state.notice ? { kind: state.notice } : undefined });
  usePageTitle(t(step.kind === 'code' ? 'signIn.codeTitle' : 'signIn.title'));

  if (me.data) return <Navigate to={state.from ?? '/'} replace />;

  // Loading the account sends the user on (above) once the session cookie is set.
  const signedIn = () => queryClient.invalidateQueries({ queryKey: meQueryKey });
  return (
    <div className="sign-in">
      <div className="sign-in__card">
        {step.kind === 'credentials' ? (
          <CredentialsStep
            initialEmail={step.email}
            notice={step.notice}
            onCodeSent={(sent, email) => setStep({ kind: 'code', email, sent })}
            onSignedIn={signedIn}
          />
        ) : (
          <CodeStep
            sent={step.sent}
            onSignedIn={signedIn}
            onRestart={(error) => setStep({ kind: 'credentials', email: step.email, notice: error ? { kind: 'failure', error } : undefined })}
          />
        )}
      </div>
      <SignInHelp />
    </div>
  );
}
