import { z } from 'zod';
import { accepted } from '../../../contract/account.ts';
import { request } from '../../lib/http.ts';

type LinkWithPassword = { token: string; password: string };

/** Signed-out account journeys (SPEC §3.2, §3.10, §3.11). Address answers are the same for every address. */
export const signedOutApi = {
  forgotPassword: (email: string) => request('POST', '/auth/password/forgot', accepted, { email }),
  resetPassword: (input: LinkWithPassword) => request('POST', '/auth/password/reset', z.null(), input),
  resendActivation: (email: string) => request('POST', '/auth/activation/resend', accepted, { email }),
  activate: (input: LinkWithPassword) => request('POST', '/auth/activate', z.null(), input),
  register: (input: { email: string; name: string; password: string; language: 'sv' | 'en' }) => request('POST', '/auth/register', accepted, input),
  verifyEmail: (token: string) => request('POST', '/auth/verify-email', z.null(), { token }),
  confirmEmailChange: (token: string) => request('POST', '/auth/email/confirm', z.null(), { token }),
  undoEmailChange: (token: string) => request('POST', '/auth/email/undo', z.null(), { token }),
};
