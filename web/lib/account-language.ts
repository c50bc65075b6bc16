import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Me } from '../../contract/auth.ts';
import { api } from './api.ts';
import { changeLanguage, currentLanguage, isLanguage, type Language } from './i18n.ts';
import { meQueryKey } from './queries.ts';

/**
 * The language is remembered per account (its e-mails and SMS use it too). Signed out, only the
 * browser remembers it; a switch made while signed out in this tab is saved to the account at
 * sign-in, otherwise the account's own choice is shown.
 */
const signedOutChoiceKey = 'portvakt.language-chosen-signed-out';

function takeChoiceWhileSignedOut(): string | null {
  try {
    const chosen = sessionStorage.getItem(signedOutChoiceKey);
    sessionStorage.removeItem(signedOutChoiceKey);
    return chosen;
  } catch {
    return null; // storage blocked: the account's language is shown
  }
}

function rememberChoiceWhileSignedOut(language: Language): void {
  try {
    sessionStorage.setItem(signedOutChoiceKey, language);
  } catch {
    // Storage blocked: the choice lasts until sign-in only.
  }
}

function useSaveLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) => api.updateMe({ language }),
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
  });
}

/**
 * For the language switch: shows the language at once and saves it where it belongs. It reads
 * the account from the cache rather than asking the API, so signed-out pages make no call for
 * it; a signed-in account not yet loaded gets the choice when the signed-in shell loads it.
 */
export function useLanguageChoice(): (language: Language) => void {
  const queryClient = useQueryClient();
  const save = useSaveLanguage();
  return (language) => {
    void changeLanguage(language);
    if (queryClient.getQueryData<Me | null>(meQueryKey)) save.mutate(language);
    else rememberChoiceWhileSignedOut(language);
  };
}

/** In the signed-in shell: once the account is known, agree with it on the language. */
export function useAccountLanguage(account: Me | null | undefined): void {
  const save = useSaveLanguage();
  const accountId = account?.id;
  useEffect(() => {
    if (!account) return;
    const chosen = takeChoiceWhileSignedOut();
    if (isLanguage(chosen) && chosen !== account.language) save.mutate(chosen);
    else if (account.language !== currentLanguage()) void changeLanguage(account.language);
    // Only when another account appears; later changes go through the switch or the account page.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-running on every account or mutation change would undo the user's later choices
  }, [accountId]);
}
