import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { NewPasswordField } from '../../components/NewPasswordField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SignedOutPage } from '../../components/SignedOutPage.tsx';
import { TextField } from '../../components/TextField.tsx';
import { currentLanguage } from '../../lib/i18n.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { signedOutApi } from './signed-out.api.ts';
import { SignedOutHelp } from './SignedOutHelp.tsx';
import { BackToSignIn } from './BackToSignIn.tsx';

const fields = ['name', 'email', 'password'] as const;

/**
 * Self-registration (SPEC §3.2): anyone may create an account, confirmed through a link to the
 * address; access to an installation comes only when its owner grants it. The answer is the
 * same when the address already has an account (its owner is told by e-mail instead).
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const register = useMutation({ mutationFn: signedOutApi.register });
  const errors = useFormErrors(register.error, fields);
  usePageTitle(t(register.isSuccess ? 'signedOut.register.sentTitle' : 'signedOut.register.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // E-mails about the account go out in the language the person registered in.
    register.mutate({ name: name.trim(), email: email.trim(), password, language: currentLanguage() });
  };

  return (
    <SignedOutPage help={<SignedOutHelp topics={['access', 'password', 'activation']} />}>
      {register.isSuccess ? (
        <>
          <PageHeading key="sent">{t('signedOut.register.sentTitle')}</PageHeading>
          <Alert tone="success">
            <p>{t('signedOut.register.sent', { email: register.variables.email })}</p>
          </Alert>
          <p>{t('signedOut.register.sentHint')}</p>
          <p>{t('signedOut.emailSent.hint')}</p>
          <BackToSignIn />
        </>
      ) : (
        <>
          <PageHeading key="form">{t('signedOut.register.title')}</PageHeading>
          <p className="lead">{t('signedOut.register.intro')}</p>
          {errors.message && <Alert tone="error">{errors.message}</Alert>}
          <form ref={errors.formRef} onSubmit={submit} noValidate>
            <TextField
              label={t('signedOut.register.name')}
              name="name"
              autoComplete="name"
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
              {...errors.field('name')}
            />
            <TextField
              label={t('signedOut.register.email')}
              hint={t('signedOut.register.emailHint')}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              {...errors.field('email')}
            />
            <NewPasswordField label={t('signedOut.register.password')} value={password} onChange={setPassword} {...errors.field('password')} />
            <Button type="submit" busy={register.isPending} busyLabel={t('signedOut.register.submitting')}>
              {t('signedOut.register.submit')}
            </Button>
          </form>
          <div className="signed-out__links">
            <p>
              {t('signedOut.register.haveAccount')} <Link to="/sign-in">{t('signedOut.links.toSignIn')}</Link>
            </p>
          </div>
        </>
      )}
    </SignedOutPage>
  );
}
