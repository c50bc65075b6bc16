import { z } from 'zod';
import { invitation, invitationList, memberList, type AccessWindow, type PermissionLevel } from '../../../contract/installations.ts';
import { request } from '../../lib/http.ts';

export type Member = z.infer<typeof memberList>[number];
export type Invitation = z.infer<typeof invitation>;

export interface InviteInput {
  level: PermissionLevel;
  name: string;
  email: string;
  phone: string;
  accessWindow?: AccessWindow;
  language?: 'sv' | 'en';
}

export const membersQueryKey = (installationId: string) => ['installation', installationId, 'members'] as const;
export const invitationsQueryKey = (installationId: string) => ['installation', installationId, 'invitations'] as const;

/** Users of an installation and invitations to it (SPEC §4.3–4.4); changes need a recent step-up. */
export const usersApi = {
  members: (installationId: string) => request('GET', `/installations/${installationId}/members`, memberList),
  /** A new level, and for a restricted user the access window (null: any time). */
  change: (installationId: string, accountId: string, change: { level: PermissionLevel; accessWindow?: AccessWindow | null }) =>
    request('PATCH', `/installations/${installationId}/members/${accountId}`, z.null(), change),
  removeMember: (installationId: string, accountId: string) => request('DELETE', `/installations/${installationId}/members/${accountId}`, z.null()),

  invitations: (installationId: string) => request('GET', `/installations/${installationId}/invitations`, invitationList),
  invite: (installationId: string, input: InviteInput) => request('POST', `/installations/${installationId}/invitations`, invitation, input),
  resend: (installationId: string, invitationId: string) => request('POST', `/installations/${installationId}/invitations/${invitationId}/resend`, invitation),
  revoke: (installationId: string, invitationId: string) => request('DELETE', `/installations/${installationId}/invitations/${invitationId}`, z.null()),
};
