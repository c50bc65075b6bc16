import { stepUpCodeSent, stepUpGranted } from '../../../contract/account.ts';
import { request } from '../../lib/http.ts';

/** The ways to confirm who one is before a sensitive change (SPEC §3.9). */
export const stepUpApi = {
  withPassword: (password: string) => request('POST', '/auth/step-up/password', stepUpGranted, { password }),
  sendCode: (channel: 'sms' | 'email') => request('POST', '/auth/step-up/code', stepUpCodeSent, { channel }),
  withCode: (code: string) => request('POST', '/auth/step-up/code/verify', stepUpGranted, { code }),
};
