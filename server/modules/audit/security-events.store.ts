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
  | 'device_trusted'
  | 'refresh_token_reused'
  | 'sign_out'
  | 'password_rehashed';

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
