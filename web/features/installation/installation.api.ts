import { z } from 'zod';
import { accepted } from '../../../contract/account.ts';
import { acceptedInvitation, invitationPeek } from '../../../contract/installations.ts';
import { request } from '../../lib/http.ts';

/** Calls about one's own membership and invitations to join an installation. */
export const installationApi = {
  leave: (installationId: string) => request('POST', `/installations/${installationId}/leave`, z.null()),

  /** The token goes in the body so it never lands in a URL or a log. */
  peekInvitation: (token: string) => request('POST', '/invitations/peek', invitationPeek, { token }),
  acceptInvitation: (token: string) => request('POST', '/invitations/accept', acceptedInvitation, { token }),

  /** A new person creates an account with the invited address; a confirmation link follows by e-mail. */
  register: (input: { email: string; name: string; password: string; language: 'sv' | 'en' }) =>
    request('POST', '/auth/register', accepted, input),
};
