import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { api } from '../lib/api.ts';
import { useErrorText } from '../lib/error-text.ts';
import { currentLanguage, rememberLanguage } from '../lib/i18n.ts';
import { meQueryKey } from '../lib/queries.ts';

/**
 * Sign out on the server, then drop the account; the shell then shows the sign-in page. The
 * answer's Clear-Site-Data empties the browser's storage, so the language is written back.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.signOut,
    onSuccess: () => {
      rememberLanguage(currentLanguage());
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function SignOutButton({ signOut }: { signOut: ReturnType<typeof useSignOut> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      <Button variant="secondary" busy={signOut.isPending} busyLabel={t('shell.signingOut')} onClick={() => signOut.mutate()}>
        {t('shell.signOut')}
      </Button>
      {signOut.isError && (
        <div className="sign-out__error">
          <Alert tone="error">{errorText(signOut.error)}</Alert>
        </div>
      )}
    </>
  );
}
