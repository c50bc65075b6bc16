import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { api } from '../api.ts';
import { useErrorText } from '../error-text.ts';
import { invitationStorageKey } from '../invitation-token.ts';
import { languageStorageKey } from '../i18n.ts';
import { meQueryKey } from '../queries.ts';

/**
 * What signed-out pages keep in storage across a sign-out, whose Clear-Site-Data empties it:
 * the language, and an invitation waiting for the right account to sign in (ADR 0040).
 */
const KEPT_ACROSS_SIGN_OUT = [languageStorageKey, invitationStorageKey];

async function signOutKeepingSignedOutState(): Promise<void> {
  const kept = KEPT_ACROSS_SIGN_OUT.map((key) => [key, readStorage(key)] as const);
  await api.signOut();
  for (const [key, value] of kept) {
    try {
      if (value !== null) localStorage.setItem(key, value);
    } catch {
      // Storage blocked: nothing was kept before either.
    }
  }
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Sign out on the server, then drop the account; the shell then shows the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutKeepingSignedOutState,
    onSuccess: () => queryClient.setQueryData(meQueryKey, null),
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
