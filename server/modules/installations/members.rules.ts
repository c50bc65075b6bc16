import type { AccessWindow, PermissionLevel } from '../../../contract/installations.ts';
import { AppError } from '../../core/app-error.ts';
import { isValidWindow } from './access-window.rules.ts';
import { canAssign } from './permissions.rules.ts';

/** Only restricted users have a window, and a window must be able to open. */
export function checkAccessWindow(level: PermissionLevel, window: AccessWindow | null | undefined): AccessWindow | null {
  if (!window) return null;
  if (level !== 'restricted' || !isValidWindow(window)) throw new AppError('invalid_access_window', { field: 'accessWindow' });
  return window;
}

/**
 * May a member of `managerLevel` act on someone holding `targetLevel`? The owner is never
 * touched (last-owner rule), and a manager handles only the levels they may give.
 */
export function checkManage(managerLevel: PermissionLevel, targetLevel: PermissionLevel): void {
  if (targetLevel === 'owner') throw new AppError('last_owner');
  if (!canAssign(managerLevel, targetLevel)) throw new AppError('level_not_allowed');
}

/** Level given by an invitation or a change: never owner, only what the manager may give. */
export function checkAssign(managerLevel: PermissionLevel, level: PermissionLevel): void {
  if (!canAssign(managerLevel, level)) throw new AppError('level_not_allowed');
}
