import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { securityEvents } from './audit.tables.ts';

export type SecurityEvent = typeof securityEvents.$inferSelect;

export interface SecurityEventInput {
  accountId: string | null;
  kind: SecurityEventKind;
  at: Date;
  ip?: string | null;
  userAgent?: string | null;
  /** Never secrets: no passwords, codes or tokens. */
  details?: Record<string, unknown>;
}

export type SecurityEventKind =
  | 'sign_in'
  | 'sign_in_trusted_device'
  | 'account_locked'
  | 'account_unlocked'
  | 'device_trusted'
  | 'refresh_token_reused'
  | 'sign_out'
  | 'password_rehashed'
  | 'step_up'
  | 'account_created'
  | 'account_activated'
  | 'email_verified'
  | 'password_reset_requested'
  | 'password_reset'
  | 'password_changed'
  | 'email_change_requested'
  | 'email_changed'
  | 'email_change_undone'
  | 'phone_changed'
  | 'profile_updated'
  | 'session_revoked'
  | 'device_revoked'
  | 'integration_token_created'
  | 'integration_token_revoked'
  | 'totp_added'
  | 'totp_removed'
  | 'passkey_added'
  | 'passkey_removed'
  | 'second_factor_preference_changed'
  | 'two_factor_disabled'
  | 'two_factor_enabled'
  | 'account_closed';

export async function recordSecurityEvent(db: Executor, event: SecurityEventInput): Promise<void> {
  await db.insert(securityEvents).values({
    accountId: event.accountId,
    kind: event.kind,
    at: event.at,
    ip: event.ip ?? null,
    userAgent: event.userAgent ?? null,
    details: event.details ?? {},
  });
}

export async function listSecurityEvents(db: Executor, accountId: string, limit = 50, kind?: SecurityEventKind): Promise<SecurityEvent[]> {
  return db
    .select()
    .from(securityEvents)
    .where(kind ? and(eq(securityEvents.accountId, accountId), eq(securityEvents.kind, kind)) : eq(securityEvents.accountId, accountId))
    .orderBy(desc(securityEvents.at), desc(securityEvents.id))
    .limit(limit);
}

/**
 * Closing an account keeps its trail (SPEC §3.12) but not the personal data in it: the account
 * id stays as the pseudonym (its row no longer names anyone), addresses and browsers go.
 */
export async function pseudonymiseSecurityEvents(db: Executor, accountId: string): Promise<void> {
  await db.update(securityEvents).set({ ip: null, userAgent: null }).where(eq(securityEvents.accountId, accountId));
}
