import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LoginResponse } from '../../../contract/auth.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { EmailField } from '../../components/EmailField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { api } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { FailureNotice } from './FailureNotice.tsx';
import type { CodeSent, StepNotice } from './sign-in.types.ts';

interface CredentialsStepProps {
  initialEmail: string;
  /** Why the user is (back) on this step: signed out, or the code step ended with an error. */
  notice?: StepNotice;
  onCodeSent: (sent: CodeSent, email: string) => void;
  onSignedIn: () => Promise<unknown>;
}

function ArrivalNotice({ kind }: { kind: 'signed_out' | 'session_ended' }) {
  const { t } = useTranslation();
  return kind === 'signed_out' ? <Alert tone="success">{t('signIn.signedOut')}</Alert> : <Alert tone="info">{t('signIn.sessionEnded')}</Alert>;
}

const fields = ['email', 'password'] as const;

/** Step 1: e-mail and password. */
export function CredentialsStep({ initialEmail, notice, onCodeSent, onSignedIn }: CredentialsStepProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  usePageTitle(t('signIn.title'));
  const login = useMutation({
    mutationFn: api.login,
    onSuccess: (answer: LoginResponse) => (answer.status === 'code_required' ? onCodeSent(answer, email) : onSignedIn()),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };

  // The newest news wins: a failed attempt here replaces the notice we arrived with.
  const failure = login.error ?? (notice?.kind === 'failure' ? notice.error : undefined);
  const errors = useFormErrors(failure, fields);
  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      <p className="lead">{t('signIn.intro')}</p>
      {errors.message ? <FailureNotice error={failure} /> : !failure && notice && notice.kind !== 'failure' && <ArrivalNotice kind={notice.kind} />}
      <form ref={errors.formRef} onSubmit={submit} noValidate>
        <EmailField label={t('signIn.email')} value={email} onChange={(event) => setEmail(event.target.value)} {...errors.field('email')} />
        <TextField
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          {...errors.field('password')}
        />
        <p className="sign-in__forgot">
          <Link to="/forgot-password" state={{ email: email.trim() }}>
            {t('signedOut.links.forgotPassword')}
          </Link>
        </p>
        <Button type="submit" busy={login.isPending} busyLabel={t('signIn.submitting')}>
          {t('signIn.submit')}
        </Button>
      </form>
      <div className="signed-out__links">
        <p>
          {t('signedOut.links.noAccount')} <Link to="/register">{t('signedOut.links.register')}</Link>
        </p>
        <p>
          {t('signedOut.links.noActivation')} <Link to="/resend-activation">{t('signedOut.links.resendActivation')}</Link>
        </p>
      </div>
    </>
  );
}
