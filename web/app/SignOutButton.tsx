import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import type { SignInLocationState } from '../features/sign-in/SignInPage.tsx';
import { api } from '../lib/api.ts';
import { useErrorText } from '../lib/error-text.ts';
import { meQueryKey } from '../lib/queries.ts';

export function SignOutButton() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: api.signOut,
    onSuccess: () => {
      queryClient.setQueryData(meQueryKey, null);
      navigate('/sign-in', { state: { notice: 'signed_out' } satisfies SignInLocationState });
    },
  });
  return (
    <>
      <Button variant="secondary" className="sign-out" busy={signOut.isPending} busyLabel={t('shell.signingOut')} onClick={() => signOut.mutate()}>
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
