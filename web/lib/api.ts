import { z } from 'zod';
import { loginResponse, me, signedIn, type Me } from '../../contract/auth.ts';
import { devMessages } from '../../contract/dev.ts';
import { publicSettings } from '../../contract/public.ts';
import type { Language } from './i18n.ts';
import { ApiError, forgetCsrfToken, rememberCsrfToken, request } from './http.ts';

function keepCsrf<T extends object>(answer: T): T {
  if ('csrfToken' in answer && typeof answer.csrfToken === 'string') rememberCsrfToken(answer.csrfToken);
  return answer;
}

/** The calls the portal makes, typed and checked by the schemas in contract/. */
export const api = {
  publicSettings: () => request('GET', '/public/settings', publicSettings),

  login: (input: { email: string; password: string }) => request('POST', '/auth/login', loginResponse, { ...input, client: 'web' }).then(keepCsrf),

  verifyCode: (input: { flowId: string; code: string; trustDevice: boolean }) => request('POST', '/auth/login/verify', signedIn, input).then(keepCsrf),

  signOut: () => request('POST', '/auth/logout', z.null()).finally(forgetCsrfToken),

  /** The signed-in account, or null when nobody is signed in. */
  me: async (): Promise<Me | null> => {
    try {
      return keepCsrf(await request('GET', '/me', me));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthenticated') return null;
      throw error;
    }
  },

  /** Name and preferred language (of the portal, e-mails and SMS). */
  updateMe: (changes: { name?: string; language?: Language }) => request('PATCH', '/me', me, changes),

  devMessages: (recipient: string) => {
    const query = recipient.trim() ? `?${new URLSearchParams({ to: recipient.trim() })}` : '';
    return request('GET', `/dev/messages${query}`, devMessages);
  },
};
