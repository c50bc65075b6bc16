import { z } from 'zod';
import { accepted, phoneCodeSent } from '../../../contract/account.ts';
import { acceptedInvitation, invitationPeek, invitationPhoneOffer } from '../../../contract/installations.ts';
import { request } from '../../lib/http.ts';

/** Calls about one's own membership and invitations to join an installation. */
export const installationApi = {
  /** The token goes in the body so it never lands in a URL or a log. */
  peekInvitation: (token: string) => request('POST', '/invitations/peek', invitationPeek, { token }),
  acceptInvitation: (token: string) => request('POST', '/invitations/accept', acceptedInvitation, { token }),

  /** The number the inviter typed, confirmed with an SMS code as on the account page (ADR 0045). */
  invitedPhone: (token: string) => request('POST', '/invitations/phone', invitationPhoneOffer, { token }),
  sendInvitedPhoneCode: (token: string, phone: string) => request('POST', '/invitations/phone/code', phoneCodeSent, { token, phone }),
  confirmInvitedPhone: (token: string, code: string) => request('POST', '/invitations/phone/verify', z.null(), { token, code }),

  /** A new person creates an account with the invited address; a confirmation link follows by e-mail. */
  register: (input: { email: string; name: string; password: string; language: 'sv' | 'en' }) => request('POST', '/auth/register', accepted, input),
};
