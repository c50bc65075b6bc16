import { and, eq, isNull, lte, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { preparedPerHandle, preparedStatement, type Param } from '../../db/prepared.ts';
import { signInAccountColumns, signInAccountOf, type SignInAccount } from './accounts.store.ts';
import { accounts, loginThrottles } from './identity.tables.ts';
import type { WindowHits } from './rate-limit.rules.ts';
import { countHitsSql, overLimitSql, windowValues } from './rate-limit.store.ts';

export type Reservation = { locked: false; attemptNumber: number } | { locked: true; lockedUntil: Date } | { rateLimited: true };

/**
 * Count this attempt as a failure before anything is compared (one atomic statement), so
 * concurrent attempts on many processes each get a distinct number. A lock that has run out
 * starts a fresh count. With `windows`, the same statement first counts the request in the
 * signed-out rate limits and reserves nothing when one is passed (a brake only when not
 * `recognised`): the password step makes one round trip before its hash, not two.
 */
export async function reserveAttempt(db: Executor, key: string, now: Date, windows?: WindowHits, recognised = false): Promise<Reservation> {
  const result = (await (windows ? reserveGated(db, windowValues('w_', windows, { key, now, recognised })) : reserveOpen(db, { key, now }))) as {
    rows: ReservationRow[];
  };
  return reservationOf(db, result.rows[0]!, key, now);
}

/**
 * The password step's first statement: the request counted in the rate-limit windows and its
 * attempt reserved under `key`, as `reserveAttempt` does, and the account of the e-mail address
 * with its strong second factors (`findSignInAccount`), in one round trip. The same statement for
 * every address, known or not. The request is recognised, and passes the brakes, when the
 * address signed in successfully since `recognisedSince`; an unknown address is one that never did.
 */
export async function reserveAttemptFindingAccount(
  db: Executor,
  email: string,
  key: string,
  now: Date,
  windows: WindowHits,
  recognisedSince: Date,
): Promise<{ reservation: Reservation; found: SignInAccount | undefined }> {
  const [row] = await reserveFindingAccount(db).execute(windowValues('w_', windows, { email, key, now, recognisedSince }));
  return { reservation: await reservationOf(db, row!, key, now), found: signInAccountOf(row!) };
}

type ReservationRow = { open: boolean; failures: number | null };

async function reservationOf(db: Executor, row: ReservationRow, key: string, now: Date): Promise<Reservation> {
  if (!row.open) return { rateLimited: true };
  if (row.failures !== null) return { locked: false, attemptNumber: Number(row.failures) };
  const lockedUntil = await lockedUntilOf(db, key);
  return { locked: true, lockedUntil: lockedUntil ?? now };
}

/** The attempt's place in the count, taken only when `gate` (a part before it) says the request may go on. */
function reservedSql(): SQL {
  const key = sql.placeholder('key');
  const now = sql.placeholder('now');
  const expired = sql`${loginThrottles}.locked_until IS NOT NULL AND ${loginThrottles}.locked_until <= ${now}::timestamptz`;
  return sql`INSERT INTO ${loginThrottles} (key, failures, locked_until, updated_at)
    SELECT ${key}, 1, NULL, ${now}::timestamptz FROM gate WHERE gate.open
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN ${expired} THEN 1 ELSE ${loginThrottles}.failures + 1 END,
      locked_until = CASE WHEN ${expired} THEN NULL ELSE ${loginThrottles}.locked_until END,
      updated_at = ${now}::timestamptz
    WHERE ${loginThrottles}.locked_until IS NULL OR ${loginThrottles}.locked_until <= ${now}::timestamptz
    RETURNING failures`;
}

/** The gate of the signed-out rate limits: `hits` counts the request in its windows; `recognised` lets it pass the brakes. */
const limitedGate = (recognised: SQL) => ({ hits: countHitsSql('w_'), gate: sql`SELECT NOT ${overLimitSql('w_', recognised)} AS open` });

/** Whether the address signed in successfully lately: read by its index entry, known or not. */
const addressSignedInSince = (email: Placeholder, since: Placeholder) =>
  sql`EXISTS (SELECT 1 FROM ${accounts} WHERE ${accounts.email} = ${email} AND ${accounts.lastSignedInAt} >= ${since}::timestamptz)`;
const reservationColumns = { open: sql<boolean>`(SELECT open FROM gate)`, failures: sql<number | null>`(SELECT failures FROM reserved)` };

/** The reservation as a statement of its own, after `gate` (and whatever parts it needs). */
const reservationStatement = (gate: SQL) => sql`WITH ${gate}, reserved AS (${reservedSql()}) SELECT ${reservationColumns.open} AS open, ${reservationColumns.failures} AS failures`;

const reserveOpen = preparedStatement('reserve_attempt', () => reservationStatement(sql`gate AS (SELECT true AS open)`));
const reserveGated = preparedStatement('reserve_attempt_limited', () => {
  const { hits, gate } = limitedGate(sql`${sql.placeholder('recognised')}::boolean`);
  return reservationStatement(sql`hits AS (${hits}), gate AS (${gate})`);
});
// As `reserveGated`, selecting the account too: one row whether or not the address has one.
const reserveFindingAccount = preparedPerHandle((db) => {
  const { hits, gate } = limitedGate(addressSignedInSince(sql.placeholder('email'), sql.placeholder('recognisedSince')));
  return db
    .with(db.$with('hits', {}).as(hits), db.$with('gate', {}).as(gate), db.$with('reserved', {}).as(reservedSql()))
    .select({ ...signInAccountColumns, ...reservationColumns })
    .from(sql`gate`)
    .leftJoin(accounts, eq(accounts.email, sql.placeholder('email')))
    .prepare('reserve_attempt_finding_account');
});

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
  await db.delete(loginThrottles).where(and(lte(loginThrottles.updatedAt, idleSince), or(isNull(loginThrottles.lockedUntil), lte(loginThrottles.lockedUntil, idleSince))));
}
