import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SignedOutPage } from '../../components/SignedOutPage.tsx';
import { EmailField } from '../../components/EmailField.tsx';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { usePrefilledEmail } from '../../lib/prefilled-email.ts';
import { SignedOutHelp, type HelpTopic } from './SignedOutHelp.tsx';
import { BackToSignIn } from './BackToSignIn.tsx';

interface EmailRequestPageProps {
  section: 'forgot' | 'resendActivation';
  send: (email: string) => Promise<unknown>;
  help: HelpTopic[];
}

const fields = ['email'] as const;

/**
 * "Send me a link": the same neutral answer whatever the address, since the server never
 * tells whether an account exists (SPEC §3.7, §3.10).
 */
export function EmailRequestPage({ section, send, help }: EmailRequestPageProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(usePrefilledEmail());
  const request = useMutation({ mutationFn: send });
  const errors = useFormErrors(request.error, fields);
  usePageTitle(t(request.isSuccess ? `signedOut.${section}.sentTitle` : `signedOut.${section}.title`));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email.trim());
  };

  return (
    <SignedOutPage help={<SignedOutHelp topics={help} />}>
      {request.isSuccess ? (
        <>
          <PageHeading key="sent">{t(`signedOut.${section}.sentTitle`)}</PageHeading>
          <Alert tone="success">
            <p>{t(`signedOut.${section}.sent`, { email: request.variables })}</p>
          </Alert>
          <p>{t('signedOut.emailSent.hint')}</p>
          <div className="signed-out__links">
            <p>
              <Button variant="quiet" onClick={() => request.reset()}>
                {t('signedOut.emailSent.tryAgain')}
              </Button>
            </p>
            <p>
              <Link to="/sign-in">{t('signedOut.links.backToSignIn')}</Link>
            </p>
          </div>
        </>
      ) : (
        <>
          <PageHeading key="ask">{t(`signedOut.${section}.title`)}</PageHeading>
          <p className="lead">{t(`signedOut.${section}.intro`)}</p>
          {errors.message && <Alert tone="error">{errors.message}</Alert>}
          <form ref={errors.formRef} onSubmit={submit} noValidate>
            <EmailField label={t(`signedOut.${section}.email`)} value={email} onChange={(event) => setEmail(event.target.value)} {...errors.field('email')} />
            <Button type="submit" busy={request.isPending} busyLabel={t(`signedOut.${section}.submitting`)}>
              {t(`signedOut.${section}.submit`)}
            </Button>
          </form>
          <BackToSignIn />
        </>
      )}
    </SignedOutPage>
  );
}
