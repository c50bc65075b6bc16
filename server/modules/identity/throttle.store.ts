import { and, eq, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { preparedStatement, type Param } from '../../db/prepared.ts';
import { loginThrottles } from './identity.tables.ts';
import type { WindowHits } from './rate-limit.rules.ts';
import { countHitsSql, overLimitSql, windowValues } from './rate-limit.store.ts';

export type Reservation = { locked: false; attemptNumber: number } | { locked: true; lockedUntil: Date } | { rateLimited: true };

/**
 * Count this attempt as a failure before anything is compared (one atomic statement), so
 * concurrent attempts on many processes each get a distinct number. A lock that has run out
 * starts a fresh count. With `windows`, the same statement first counts the request in the
 * signed-out rate limits and reserves nothing when one is passed: the password step makes one
 * round trip before its hash, not two.
 */
export async function reserveAttempt(db: Executor, key: string, now: Date, windows?: WindowHits): Promise<Reservation> {
  const result = (await (windows ? reserveGated(db, windowValues('w_', windows, { key, now })) : reserveOpen(db, { key, now }))) as {
    rows: Array<{ open: boolean; failures: number | null }>;
  };
  const row = result.rows[0]!;
  if (!row.open) return { rateLimited: true };
  if (row.failures !== null) return { locked: false, attemptNumber: Number(row.failures) };
  const lockedUntil = await lockedUntilOf(db, key);
  return { locked: true, lockedUntil: lockedUntil ?? now };
}

/** The reservation after `gate`, a part that says whether the request may go on at all. */
function reservationSql(gate: SQL): SQL {
  const key = sql.placeholder('key');
  const now = sql.placeholder('now');
  const expired = sql`${loginThrottles}.locked_until IS NOT NULL AND ${loginThrottles}.locked_until <= ${now}::timestamptz`;
  return sql`
    WITH ${gate}, reserved AS (
      INSERT INTO ${loginThrottles} (key, failures, locked_until, updated_at)
      SELECT ${key}, 1, NULL, ${now}::timestamptz FROM gate WHERE gate.open
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN ${expired} THEN 1 ELSE ${loginThrottles}.failures + 1 END,
        locked_until = CASE WHEN ${expired} THEN NULL ELSE ${loginThrottles}.locked_until END,
        updated_at = ${now}::timestamptz
      WHERE ${loginThrottles}.locked_until IS NULL OR ${loginThrottles}.locked_until <= ${now}::timestamptz
      RETURNING failures
    )
    SELECT (SELECT open FROM gate) AS open, (SELECT failures FROM reserved) AS failures`;
}

const reserveOpen = preparedStatement('reserve_attempt', () => reservationSql(sql`gate AS (SELECT true AS open)`));
const reserveGated = preparedStatement('reserve_attempt_limited', () => reservationSql(sql`hits AS (${countHitsSql('w_')}), gate AS (SELECT NOT ${overLimitSql('w_')} AS open)`));

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

/**
 * A correct password that is not yet a completed sign-in gives its reserved place back; the
 * statement is part of opening the sign-in's flow (flows.store.ts).
 */
export function releaseAttemptSql(key: Param<string>, now: Param<Date>): SQL {
  return sql`UPDATE ${loginThrottles} SET failures = GREATEST(failures - 1, 0), updated_at = ${now} WHERE key = ${key}`;
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
