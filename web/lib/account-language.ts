import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Me } from '../../contract/auth.ts';
import { api } from './api.ts';
import { changeLanguage, currentLanguage, type Language } from './i18n.ts';
import { meQueryKey, useMe } from './queries.ts';

/**
 * The language is remembered per account (its e-mails and SMS use it too). Signed out, only the
 * browser remembers it; a switch made on the sign-in page during this visit is then saved to the
 * account at sign-in, otherwise the account's own choice is shown.
 */
let choiceWhileSignedOut: Language | undefined;

function useSaveLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) => api.updateMe({ language }),
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
  });
}

/** For the language switch: shows the language at once and saves it where it belongs. */
export function useLanguageChoice(): (language: Language) => void {
  const me = useMe();
  const save = useSaveLanguage();
  return (language) => {
    void changeLanguage(language);
    if (me.data) save.mutate(language);
    else choiceWhileSignedOut = language;
  };
}

/** In the signed-in shell: once the account is known, agree with it on the language. */
export function useAccountLanguage(account: Me | null | undefined): void {
  const save = useSaveLanguage();
  const accountId = account?.id;
  useEffect(() => {
    if (!account) return;
    const chosen = choiceWhileSignedOut;
    choiceWhileSignedOut = undefined;
    if (chosen && chosen !== account.language) save.mutate(chosen);
    else if (account.language !== currentLanguage()) void changeLanguage(account.language);
    // Only when another account appears; later changes go through the switch or the account page.
  }, [accountId]);
}
