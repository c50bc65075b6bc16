import type { InstallationAction, PermissionLevel } from '../../../contract/installations.ts';
import type { AccessWindow } from '../../../contract/installations.ts';
import { isWithinWindow } from './access-window.rules.ts';

/** allow: always · in_window: only inside the member's access window (if any) · deny */
type Grant = 'allow' | 'in_window' | 'deny';

interface Permission {
  levels: Record<PermissionLevel, Grant>;
  /** Sensitive changes need a fresh code or password (SPEC §3.9). */
  stepUp: boolean;
}

const managers = (stepUp: boolean): Permission => ({
  levels: { owner: 'allow', administrator: 'allow', user: 'deny', restricted: 'deny' },
  stepUp,
});

/**
 * THE permission table of SPEC §4.2: every installation route names one action and is let
 * through only as this table says (the authorization matrix test is generated from it).
 */
export const PERMISSIONS: Record<InstallationAction, Permission> = {
  'installation.view': { levels: { owner: 'allow', administrator: 'allow', user: 'allow', restricted: 'in_window' }, stepUp: false },
  // Leaving is always possible, also outside a window; the owner is refused by the last-owner rule.
  'membership.leave': { levels: { owner: 'allow', administrator: 'allow', user: 'allow', restricted: 'allow' }, stepUp: false },
  'members.view': managers(false),
  'members.manage': managers(true),
  'codewords.view': managers(false),
  'codewords.set': managers(true),
  'codewords.reveal': managers(true),
  'contacts.view': managers(false),
  'contacts.manage': managers(true),
  'contract.view': managers(false),
};

/**
 * Which levels a level may give, change and remove: only the owner makes administrators,
 * administrators manage only the levels below them, and nobody assigns or touches the owner.
 */
export const ASSIGNABLE_LEVELS: Record<PermissionLevel, readonly PermissionLevel[]> = {
  owner: ['administrator', 'user', 'restricted'],
  administrator: ['user', 'restricted'],
  user: [],
  restricted: [],
};

export type Decision = 'allow' | 'forbidden' | 'outside_window';

export interface MemberAccess {
  level: PermissionLevel;
  accessWindow: AccessWindow | null;
}

export function decide(member: MemberAccess, action: InstallationAction, now: Date, timeZone: string): Decision {
  const grant = PERMISSIONS[action].levels[member.level];
  if (grant === 'deny') return 'forbidden';
  if (grant === 'in_window' && member.accessWindow && !isWithinWindow(member.accessWindow, now, timeZone)) return 'outside_window';
  return 'allow';
}

export function allowedActions(member: MemberAccess, now: Date, timeZone: string): InstallationAction[] {
  return (Object.keys(PERMISSIONS) as InstallationAction[]).filter((action) => decide(member, action, now, timeZone) === 'allow');
}

export function canAssign(managerLevel: PermissionLevel, level: PermissionLevel): boolean {
  return ASSIGNABLE_LEVELS[managerLevel].includes(level);
}
