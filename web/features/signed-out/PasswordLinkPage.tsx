import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { NewPasswordField } from '../../components/NewPasswordField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SignedOutPage } from '../../components/SignedOutPage.tsx';
import { failureCode } from '../../lib/error-text.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useLinkToken } from '../../lib/link-token.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { SignedOutHelp, type HelpTopic } from './SignedOutHelp.tsx';
import { BackToSignIn } from './BackToSignIn.tsx';

const fields = ['password'] as const;

interface PasswordLinkPageProps {
  section: 'reset' | 'activate';
  save: (input: { token: string; password: string }) => Promise<unknown>;
  /** Where to ask for a new link when this one no longer works. */
  newLink: { to: string; label: 'signedOut.reset.newLink' | 'signedOut.links.resendActivation' };
  help: HelpTopic[];
}

/** A link from an e-mail where the user chooses a password: reset (SPEC §3.10) or activation (§3.2). */
export function PasswordLinkPage({ section, save, newLink, help }: PasswordLinkPageProps) {
  const { t } = useTranslation();
  const token = useLinkToken();
  const [password, setPassword] = useState('');
  const saving = useMutation({ mutationFn: save });
  const errors = useFormErrors(saving.error, fields);
  usePageTitle(t(saving.isSuccess ? `signedOut.${section}.doneTitle` : `signedOut.${section}.title`));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token) saving.mutate({ token, password });
  };

  const askAgain = (
    <p>
      <Link to={newLink.to}>{t(newLink.label)}</Link>
    </p>
  );
  return (
    <SignedOutPage help={<SignedOutHelp topics={help} />}>
      {saving.isSuccess ? (
        <>
          <PageHeading key="done">{t(`signedOut.${section}.doneTitle`)}</PageHeading>
          <Alert tone="success">
            <p>{t(`signedOut.${section}.done`)}</p>
          </Alert>
          <Link className="button button--primary" to="/sign-in">
            {t('signedOut.links.toSignIn')}
          </Link>
        </>
      ) : (
        <>
          <PageHeading key="choose">{t(`signedOut.${section}.title`)}</PageHeading>
          {!token ? (
            <Alert tone="error">
              <p>{t('signedOut.link.missingToken')}</p>
              {askAgain}
            </Alert>
          ) : (
            <>
              <p className="lead">{t(`signedOut.${section}.intro`)}</p>
              {errors.message && (
                <Alert tone="error">
                  <p>{errors.message}</p>
                  {failureCode(saving.error) === 'link_invalid' && askAgain}
                </Alert>
              )}
              <form ref={errors.formRef} onSubmit={submit} noValidate>
                <NewPasswordField label={t(`signedOut.${section}.password`)} value={password} onChange={setPassword} {...errors.field('password')} />
                <Button type="submit" busy={saving.isPending} busyLabel={t(`signedOut.${section}.submitting`)}>
                  {t(`signedOut.${section}.submit`)}
                </Button>
              </form>
            </>
          )}
          <BackToSignIn />
        </>
      )}
    </SignedOutPage>
  );
}
