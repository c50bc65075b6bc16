import type { AuthenticationResponseJSON } from '@simplewebauthn/browser';
import { loginStatusResponse, resendResponse, signedIn, webauthnOptions } from '../../../contract/auth.ts';
import { rememberCsrfToken, request } from '../../lib/http.ts';

/** The second-step calls beyond the code (SPEC §3.4, §3.15). */
export const signInApi = {
  /** A new code by SMS or e-mail; "I didn't get a code" asks for e-mail. */
  sendCode: (flowId: string, channel: 'sms' | 'email') => request('POST', '/auth/login/resend', resendResponse, { flowId, channel }),

  /** Where the code is now: a failed SMS is replaced by an e-mail while the user waits. */
  status: (flowId: string) => request('POST', '/auth/login/status', loginStatusResponse, { flowId }),

  passkeyOptions: (flowId: string) => request('POST', '/auth/login/passkey/options', webauthnOptions, { flowId }),

  verifyPasskey: async (input: { flowId: string; response: AuthenticationResponseJSON; trustDevice: boolean }) => {
    const answer = await request('POST', '/auth/login/passkey', signedIn, input);
    rememberCsrfToken(answer.csrfToken);
    return answer;
  },
};
