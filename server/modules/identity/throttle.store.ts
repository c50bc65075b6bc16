import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { loginThrottles } from './identity.tables.ts';

export type Reservation = { locked: false; attemptNumber: number } | { locked: true; lockedUntil: Date };

/**
 * Count this attempt as a failure before anything is compared (one atomic statement), so
 * concurrent attempts on many processes each get a distinct number. A lock that has run out
 * starts a fresh count.
 */
export async function reserveAttempt(db: Executor, key: string, now: Date): Promise<Reservation> {
  const expired = sql`${loginThrottles.lockedUntil} IS NOT NULL AND ${loginThrottles.lockedUntil} <= ${now}`;
  const rows = await db
    .insert(loginThrottles)
    .values({ key, failures: 1, lockedUntil: null, updatedAt: now })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginThrottles.failures} + 1 END`,
        lockedUntil: sql`CASE WHEN ${expired} THEN NULL ELSE ${loginThrottles.lockedUntil} END`,
        updatedAt: now,
      },
      setWhere: or(isNull(loginThrottles.lockedUntil), lte(loginThrottles.lockedUntil, now)),
    })
    .returning({ failures: loginThrottles.failures });
  if (rows[0]) return { locked: false, attemptNumber: rows[0].failures };
  const lockedUntil = await lockedUntilOf(db, key);
  return { locked: true, lockedUntil: lockedUntil ?? now };
}

export async function lockedUntilOf(db: Executor, key: string): Promise<Date | null> {
  const [row] = await db.select({ lockedUntil: loginThrottles.lockedUntil }).from(loginThrottles).where(eq(loginThrottles.key, key));
  return row?.lockedUntil ?? null;
}

/** Set the lock unless one is already running; returns the lock's end and whether this call set it. */
export async function lock(db: Executor, key: string, until: Date, now: Date): Promise<{ until: Date; newlyLocked: boolean }> {
  const rows = await db
    .update(loginThrottles)
    .set({ lockedUntil: until, updatedAt: now })
    .where(and(eq(loginThrottles.key, key), or(isNull(loginThrottles.lockedUntil), lte(loginThrottles.lockedUntil, now))))
    .returning({ lockedUntil: loginThrottles.lockedUntil });
  if (rows[0]) return { until, newlyLocked: true };
  return { until: (await lockedUntilOf(db, key)) ?? until, newlyLocked: false };
}

/** A correct password that is not yet a completed sign-in gives its reserved place back. */
export async function releaseAttempt(db: Executor, key: string, now: Date): Promise<void> {
  await db
    .update(loginThrottles)
    .set({ failures: sql`GREATEST(${loginThrottles.failures} - 1, 0)`, updatedAt: now })
    .where(eq(loginThrottles.key, key));
}

/** A completed sign-in resets the consecutive count. */
export async function resetFailures(db: Executor, key: string, now: Date): Promise<void> {
  await db.update(loginThrottles).set({ failures: 0, lockedUntil: null, updatedAt: now }).where(eq(loginThrottles.key, key));
}

/** Counters with nothing to remember: no failures left, or a lock long over. */
export async function deleteIdleThrottles(db: Executor, idleSince: Date): Promise<void> {
  await db
    .delete(loginThrottles)
    .where(and(lte(loginThrottles.updatedAt, idleSince), or(isNull(loginThrottles.lockedUntil), lte(loginThrottles.lockedUntil, idleSince))));
}
