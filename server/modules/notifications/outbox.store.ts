import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { outbox } from './notifications.tables.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;

export async function insertOutbox(db: Executor, row: NewOutboxRow): Promise<number> {
  const [inserted] = await db.insert(outbox).values(row).returning({ id: outbox.id });
  return inserted!.id;
}

/**
 * Claim up to `limit` due messages for one worker. SKIP LOCKED lets many workers run side by
 * side; a claim is a lease (`locked_until`), so a message held by a crashed worker is due again
 * once its lease runs out.
 */
export async function claimDue(db: Executor, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        or(eq(outbox.status, 'pending'), and(eq(outbox.status, 'sending'), lte(outbox.lockedUntil, now))),
        lte(outbox.nextAttemptAt, now),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ status: 'sending', lockedUntil: leaseUntil, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning();
}

/** Mark a message sent and scrub its content: codes and links are not kept once delivered. */
export async function markSent(db: Executor, id: number, now: Date, providerMessageId: string | null): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: now, lockedUntil: null, providerMessageId, sealedContent: '', lastError: null })
    .where(eq(outbox.id, id));
}

export async function markRetry(db: Executor, id: number, nextAttemptAt: Date, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'pending', nextAttemptAt, lockedUntil: null, lastError: error.slice(0, 500) })
    .where(eq(outbox.id, id));
}

export async function markDead(db: Executor, id: number, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'dead', lockedUntil: null, lastError: error.slice(0, 500), sealedContent: '' })
    .where(eq(outbox.id, id));
}

export async function countByStatus(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
