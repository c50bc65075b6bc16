import { z } from 'zod';

/** Permission levels of SPEC §4.2, highest first. */
export const permissionLevels = ['owner', 'administrator', 'user', 'restricted'] as const;
export const permissionLevel = z.enum(permissionLevels);
export type PermissionLevel = z.infer<typeof permissionLevel>;

/** What a level may do; the server's permission table maps each action to the levels allowed. */
export const installationActions = [
  'installation.view',
  'members.view',
  'members.manage',
  'membership.leave',
  'codewords.view',
  'codewords.set',
  'codewords.reveal',
  'contacts.view',
  'contacts.manage',
  'contract.view',
] as const;
export const installationAction = z.enum(installationActions);
export type InstallationAction = z.infer<typeof installationAction>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/**
 * When a restricted user has access, in the installation's time zone. Every part is optional;
 * weekdays are ISO numbers (1 = Monday … 7 = Sunday), dates are inclusive, and a window whose
 * end time is before its start time runs past midnight.
 */
export const accessWindow = z.object({
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  startTime: clockTime.optional(),
  endTime: clockTime.optional(),
});
export type AccessWindow = z.infer<typeof accessWindow>;

export const installationParams = z.object({ installationId: z.uuid() });
export const memberParams = installationParams.extend({ accountId: z.uuid() });
export const invitationParams = installationParams.extend({ invitationId: z.uuid() });

export const address = z.object({ street: z.string(), postalCode: z.string(), city: z.string() });

export const installationSummary = z.object({
  id: z.string(),
  number: z.string(),
  alias: z.string(),
  address,
  timeZone: z.string(),
  level: permissionLevel,
  accessWindow: accessWindow.nullable(),
  /** False for a restricted user outside their window: they see the installation but may do nothing. */
  withinAccessWindow: z.boolean(),
  /** What the signed-in user may do now, so the UI shows only that. */
  allowedActions: z.array(installationAction),
  /** Levels this user may give others (empty when they manage nobody). */
  assignableLevels: z.array(permissionLevel),
});
export const installationList = z.array(installationSummary);

export const member = z.object({
  accountId: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  level: permissionLevel,
  accessWindow: accessWindow.nullable(),
  since: z.string(),
});
export const memberList = z.array(member);

export const changeMemberRequest = z
  .object({
    level: permissionLevel.optional(),
    /** null clears the window (access at any time). */
    accessWindow: accessWindow.nullable().optional(),
  })
  .refine((b) => b.level !== undefined || b.accessWindow !== undefined, { message: 'nothing to change' });

export const inviteRequest = z.object({
  level: permissionLevel,
  name: z.string().trim().min(1).max(100),
  email: z.string().min(3).max(320),
  phone: z.string().min(3).max(30),
  accessWindow: accessWindow.optional(),
  /** Language of the invitation to a person with no account yet; default the inviter's. */
  language: z.enum(['sv', 'en']).optional(),
});

export const invitation = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  level: permissionLevel,
  accessWindow: accessWindow.nullable(),
  invitedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
});
export const invitationList = z.array(invitation);

export const invitationTokenRequest = z.object({ token: z.string().min(20).max(200) });

/** What an invitation link shows before it is accepted: who invited whom to what. */
export const invitationPeek = z.object({
  installationAlias: z.string(),
  city: z.string(),
  inviterName: z.string(),
  name: z.string(),
  email: z.string(),
  level: permissionLevel,
  expiresAt: z.string(),
});

/**
 * The number the inviter typed, offered to the signed-in invitee to confirm with a code while
 * accepting; null when their account already has a verified number of its own (ADR 0045).
 */
export const invitationPhoneOffer = z.object({ phone: z.string().nullable() });
/** The number to confirm: the offered one or the invitee's own instead. */
export const invitationPhoneCodeRequest = invitationTokenRequest.extend({ phone: z.string().min(1).max(40) });
export const invitationPhoneVerifyRequest = invitationTokenRequest.extend({ code: z.string().max(20) });

export const acceptedInvitation = z.object({ installationId: z.string(), level: permissionLevel });
