import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SignedOutPage } from '../../components/SignedOutPage.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { meQueryKey } from '../../lib/queries.ts';
import { useLinkToken } from '../../lib/link-token.ts';
import type { SignInLocationState } from '../../lib/sign-in-location.ts';
import { SignedOutHelp, type HelpTopic } from './SignedOutHelp.tsx';
import { BackToSignIn } from './BackToSignIn.tsx';

interface LinkActionPageProps {
  section: 'verifyEmail' | 'confirmEmail' | 'undoEmail';
  act: (token: string) => Promise<unknown>;
  /** What to do next when the link did not work. */
  whenFailed: ReactNode;
  /** More to say once done. */
  whenDone?: ReactNode;
  help: HelpTopic[];
  /** Where signing in after a done action should lead, and with which address. */
  signInState?: SignInLocationState;
}

/**
 * A link that does one thing when the user presses the button. It never acts on opening:
 * mail scanners open links too, and an undo or confirmation must be the person's choice.
 */
export function LinkActionPage({ section, act, whenFailed, whenDone, help, signInState }: LinkActionPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const token = useLinkToken();
  // The account's address or sessions may have changed under a signed-in tab.
  const action = useMutation({ mutationFn: act, onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }) });
  usePageTitle(t(action.isSuccess ? `signedOut.${section}.doneTitle` : `signedOut.${section}.title`));

  return (
    <SignedOutPage help={<SignedOutHelp topics={help} />}>
      {action.isSuccess ? (
        <>
          <PageHeading key="done">{t(`signedOut.${section}.doneTitle`)}</PageHeading>
          <Alert tone="success">
            <p>{t(`signedOut.${section}.done`)}</p>
          </Alert>
          {whenDone}
          <Link className="button button--primary" to="/sign-in" state={signInState}>
            {t('signedOut.links.toSignIn')}
          </Link>
        </>
      ) : (
        <>
          <PageHeading key="ask">{t(`signedOut.${section}.title`)}</PageHeading>
          {!token ? (
            <Alert tone="error">
              <p>{t('signedOut.link.missingToken')}</p>
            </Alert>
          ) : (
            <>
              <p className="lead">{t(`signedOut.${section}.intro`)}</p>
              {action.error && (
                <Alert tone="error">
                  <p>{errorText(action.error)}</p>
                  {whenFailed}
                </Alert>
              )}
              <Button busy={action.isPending} busyLabel={t(`signedOut.${section}.submitting`)} onClick={() => action.mutate(token)}>
                {t(`signedOut.${section}.submit`)}
              </Button>
            </>
          )}
          <BackToSignIn />
        </>
      )}
    </SignedOutPage>
  );
}
