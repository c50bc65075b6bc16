import { z } from 'zod';
import { closureCheck, emailChangeRequested, phoneCodeSent } from '../../../contract/account.ts';
import { request } from '../../lib/http.ts';

/** Changes to the signed-in account's own details (SPEC §3.11, §3.12). */
export const accountApi = {
  requestEmailChange: (email: string) => request('POST', '/me/email', emailChangeRequested, { email }),
  requestPhoneChange: (phone: string) => request('POST', '/me/phone', phoneCodeSent, { phone }),
  confirmPhoneChange: (code: string) => request('POST', '/me/phone/verify', z.null(), { code }),
  closureCheck: () => request('GET', '/me/close', closureCheck),
  close: () => request('POST', '/me/close', z.null()),
};
