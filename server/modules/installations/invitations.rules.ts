import type { ErrorCode } from '../../../contract/errors.ts';
import type { Invitation } from './installations.tables.ts';

export const INVITATION_TTL_SECONDS = 7 * 86400;

/** Why an invitation link cannot be used now, or null when it can (by `email`, if given). */
export function invitationProblem(invitation: Invitation | undefined, now: Date, email?: string): ErrorCode | null {
  if (!invitation) return 'invitation_not_found';
  if (invitation.consumedAt) return 'invitation_used';
  if (invitation.revokedAt) return 'invitation_revoked';
  if (invitation.expiresAt <= now) return 'invitation_expired';
  if (email !== undefined && invitation.email !== email) return 'invitation_wrong_account';
  return null;
}
