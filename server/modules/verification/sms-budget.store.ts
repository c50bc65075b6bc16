import { randomInt } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { isSerializationFailure } from '../../db/errors.ts';
import { executePrepared, prefixed, type Params } from '../../db/prepared.ts';
import { BUDGET_SHARDS, shardAllowance, unverifiedAllowance } from './sms-budget.rules.ts';
import { smsAccountWindows, smsBudgetShards, smsUnverifiedMonths } from './verification.tables.ts';

/** "2026-11" in UTC: the month an SMS counts against. */
export function monthKey(now: Date): string {
  return now.toISOString().slice(0, 7);
}

export interface SmsLimits {
  perAccountPerDay: number;
  monthlyBudget: number;
}

/** The reservation of one SMS as the first parts (CTEs) of a statement, and what it decided. */
export interface SmsReservationPart {
  /** `sms_pick`, `sms_counted`, `sms_updated`, `sms_inserted`: to follow `WITH`. */
  ctes: SQL;
  /** True when the SMS is reserved: the account was under its limit and a shard had room. */
  reserved: SQL;
  /** True when the account's window took the SMS. */
  counted: SQL;
  /** Fails the statement for another run when it lost the race for its shard and `retryIfLost` (see there). */
  retryIfLost: SQL;
}

/** What one reservation is made of, worked out for its moment (`smsReservationValues`). */
export interface SmsReservationValues {
  accountId: string;
  now: Date;
  /** The start of the account's window: 24 hours before `now`. */
  since: Date;
  month: string;
  /** Each shard's allowance of the month, comma-separated, in shard order. */
  allowances: string;
  /** The shard the search for room starts at, at random. */
  start: number;
  perAccountPerDay: number;
  /**
   * When a concurrent reservation spent the picked shard in the meantime, fail the whole
   * statement with serialization_failure (`retry_statement()`, migration 0038) instead of
   * answering "not reserved": for a statement of its own, which then runs again with a fresh
   * view of the shards (`untilNotLost`); inside a transaction, in a savepoint of its own.
   */
  retryIfLost: boolean;
}

export function smsReservationValues(accountId: string, now: Date, limits: SmsLimits, retryIfLost: boolean): SmsReservationValues {
  return {
    accountId,
    now,
    since: new Date(now.getTime() - 24 * 3600_000),
    month: monthKey(now),
    allowances: Array.from({ length: BUDGET_SHARDS }, (_, shard) => shardAllowance(limits.monthlyBudget, shard)).join(','),
    start: randomInt(BUDGET_SHARDS),
    perAccountPerDay: limits.perAccountPerDay,
    retryIfLost,
  };
}

/** Every key of `SmsReservationValues`, for a reservation built once from placeholders. */
export const SMS_RESERVATION_KEYS: Record<keyof SmsReservationValues, true> = {
  accountId: true,
  now: true,
  since: true,
  month: true,
  allowances: true,
  start: true,
  perAccountPerDay: true,
  retryIfLost: true,
};

/**
 * One SMS reserved in a single statement, as parts another module's statement can start with
 * (a sign-in opens its flow and queues the code in the same statement). Built from the values
 * or, for a statement prepared once, from placeholders for them (server/db/prepared.ts).
 *
 * - `sms_pick`: a shard of the month's budget that has room, starting at a random one, so
 *   concurrent sign-ins spread over the shards (sms-budget.rules.ts).
 * - `sms_counted`: the account's window of 24 hours extended only while under its limit. An
 *   upsert locks the row and re-checks it as it is after any concurrent commit: exact across
 *   processes.
 * - `sms_updated` / `sms_inserted`: the shard's counter moved only then and while under its
 *   allowance. A plain update, not an upsert: an update that finds the shard spent holds no
 *   lock on it, so transactions never wait for each other in a circle. A shard the month has
 *   not used yet is inserted; if another transaction inserts it first, nothing is reserved here.
 *   Either way the loser has waited for the winner's commit, so a second run sees the shard
 *   spent (`retryIfLost`): no SMS is refused while a shard has room.
 */
export function smsReservationPart(p: Params<SmsReservationValues>): SmsReservationPart {
  const recent = sql`(SELECT count(*) FROM unnest(${smsAccountWindows}.sent_at) AS t WHERE t > ${p.since})`;
  const counting = sql`INSERT INTO ${smsAccountWindows} (account_id, sent_at)
        SELECT ${p.accountId}::uuid, ARRAY[${p.now}::timestamptz] WHERE ${p.perAccountPerDay}::int > 0 AND EXISTS (SELECT 1 FROM sms_pick)
        ON CONFLICT (account_id) DO UPDATE
          SET sent_at = ARRAY(SELECT t FROM unnest(${smsAccountWindows}.sent_at) AS t WHERE t > ${p.since}) || ${p.now}::timestamptz
          WHERE ${recent} < ${p.perAccountPerDay}::int
        RETURNING 1`;
  // The shards in search order (OFFSET 0 keeps the filter out of the sorted list): each shard's
  // row is read only until one has room, usually just the first, not all 32.
  const ctes = sql`sms_pick AS (
      SELECT c.shard, c.allowance FROM (
        SELECT (a.n - 1)::int AS shard, a.allowance
        FROM unnest(string_to_array(${p.allowances}, ',')::int[]) WITH ORDINALITY AS a(allowance, n)
        ORDER BY (a.n - 1 + ${BUDGET_SHARDS} - ${p.start}::int) % ${BUDGET_SHARDS}
        OFFSET 0
      ) c
      WHERE c.allowance > coalesce((SELECT b.sent FROM ${smsBudgetShards} b WHERE b.month = ${p.month} AND b.shard = c.shard), 0)
      LIMIT 1
    ), sms_counted AS (${counting}), sms_updated AS (
      UPDATE ${smsBudgetShards} SET sent = ${smsBudgetShards}.sent + 1 FROM sms_pick
      WHERE ${smsBudgetShards}.month = ${p.month} AND ${smsBudgetShards}.shard = sms_pick.shard
        AND ${smsBudgetShards}.sent < sms_pick.allowance AND EXISTS (SELECT 1 FROM sms_counted)
      RETURNING 1
    ), sms_inserted AS (
      INSERT INTO ${smsBudgetShards} (month, shard, sent)
      SELECT ${p.month}, sms_pick.shard, 1 FROM sms_pick
      WHERE EXISTS (SELECT 1 FROM sms_counted)
        AND NOT EXISTS (SELECT 1 FROM ${smsBudgetShards} b WHERE b.month = ${p.month} AND b.shard = sms_pick.shard)
      ON CONFLICT (month, shard) DO NOTHING
      RETURNING 1
    )`;
  const reserved = sql`(EXISTS (SELECT 1 FROM sms_updated) OR EXISTS (SELECT 1 FROM sms_inserted))`;
  const counted = sql`EXISTS (SELECT 1 FROM sms_counted)`;
  return {
    ctes,
    reserved,
    counted,
    // Counted (so a shard was picked) but not reserved: the shard was spent in the meantime.
    retryIfLost: sql`CASE WHEN ${p.retryIfLost}::boolean AND ${counted} AND NOT ${reserved} THEN retry_statement('the picked SMS shard was spent') END`,
  };
}

/** What one reservation statement decided (see `smsReservationPart`). */
export interface SmsReservation {
  reserved: boolean;
  counted: boolean;
}

/** A reservation as a statement of its own, or with `more` parts of other modules after it; it answers a `SmsReservation`. */
export function smsReservationStatement(part: SmsReservationPart, more: SQL | null = null): SQL {
  return sql`
    WITH ${part.ctes}${more ? sql`, ${more}` : sql``}
    SELECT ${part.reserved} AS reserved, ${part.counted} AS counted, ${part.retryIfLost} AS retried`;
}

async function runSmsReservation(db: Executor, part: SmsReservationPart): Promise<SmsReservation> {
  const result = (await executePrepared(db, 'sms_reservation', smsReservationStatement(part))) as { rows: SmsReservation[] };
  return result.rows[0]!;
}

/**
 * Runs a reservation (`run(retryIfLost)`) again while it lost its shard to a concurrent one: the
 * loser waited for the winner's commit, so the next run sees that shard spent and picks another
 * with room. The last run, one per shard later, takes its answer as it is; the SMS it counted in
 * the account's window without a shard is taken back.
 */
async function untilNotLost(db: Executor, accountId: string, now: Date, run: (retryIfLost: boolean) => Promise<SmsReservation>): Promise<SmsReservation> {
  for (let runsLeft = BUDGET_SHARDS; ; runsLeft--) {
    try {
      const result = await run(runsLeft > 0);
      if (result.counted && !result.reserved) await uncountSms(db, accountId, now);
      return result;
    } catch (error) {
      if (!isSerializationFailure(error) || runsLeft === 0) throw error;
    }
  }
}

/**
 * Reserve one SMS for an account, or refuse when the account's rolling 24 h allowance or the
 * company's monthly budget is spent. Must run inside a transaction; each run is a savepoint of
 * its own, so a run that lost its shard undoes only itself (`untilNotLost`). The month never
 * passes its budget and no SMS is refused while a shard has room.
 */
export async function reserveSms(tx: Executor, accountId: string, now: Date, limits: SmsLimits): Promise<boolean> {
  if (limits.monthlyBudget <= 0) return false;
  const result = await untilNotLost(tx, accountId, now, (retryIfLost) =>
    tx.transaction((savepoint) => runSmsReservation(savepoint, smsReservationPart(smsReservationValues(accountId, now, limits, retryIfLost)))),
  );
  return result.reserved;
}

/**
 * Reserve one SMS to a number the account has not verified: counted in the month's share for
 * such numbers (`unverifiedSharePercent` of the budget, ADR 52) and, like every SMS, in the
 * account's 24 h allowance and the month's budget (`reserveSms`). Sign-in codes to verified
 * numbers thus always keep the rest of the budget. Must run inside a transaction; the month's
 * row stays locked until it commits, which is fine on this rare, rate-limited path.
 */
export async function reserveUnverifiedSms(tx: Executor, accountId: string, now: Date, limits: SmsLimits & { unverifiedSharePercent: number }): Promise<boolean> {
  const allowance = unverifiedAllowance(limits.monthlyBudget, limits.unverifiedSharePercent);
  if (allowance <= 0) return false;
  const month = monthKey(now);
  const counted = await tx
    .insert(smsUnverifiedMonths)
    .values({ month, sent: 1 })
    .onConflictDoUpdate({ target: smsUnverifiedMonths.month, set: { sent: sql`${smsUnverifiedMonths.sent} + 1` }, setWhere: sql`${smsUnverifiedMonths.sent} < ${allowance}` })
    .returning({ sent: smsUnverifiedMonths.sent });
  if (!counted[0]) return false;
  if (await reserveSms(tx, accountId, now, limits)) return true;
  await tx
    .update(smsUnverifiedMonths)
    .set({ sent: sql`${smsUnverifiedMonths.sent} - 1` })
    .where(eq(smsUnverifiedMonths.month, month));
  return false;
}

/** SMS to numbers not yet verified in `month` ("2026-11"); they are part of `reservedSmsInMonth` too. */
export async function reservedUnverifiedSmsInMonth(db: Executor, month: string): Promise<number> {
  const [row] = await db.select({ sent: smsUnverifiedMonths.sent }).from(smsUnverifiedMonths).where(eq(smsUnverifiedMonths.month, month));
  return row?.sent ?? 0;
}

/**
 * As `reserveSms`, for a statement of its own (no transaction) made with
 * `smsReservationStatement` and other modules' parts: `run` runs it with `values`, to which the
 * reservation's values are added under `prefix` for each run.
 */
export async function reserveInOwnStatement(
  db: Executor,
  run: (values: Record<string, unknown>) => Promise<SmsReservation>,
  values: Record<string, unknown>,
  prefix: string,
  reservation: { accountId: string; now: Date; limits: SmsLimits },
): Promise<SmsReservation> {
  return untilNotLost(db, reservation.accountId, reservation.now, (retryIfLost) =>
    run(prefixed(prefix, smsReservationValues(reservation.accountId, reservation.now, reservation.limits, retryIfLost), values)),
  );
}

/** Take back one SMS at `now` from the account's window: it was counted, but no shard had room. */
async function uncountSms(db: Executor, accountId: string, now: Date): Promise<void> {
  await db.execute(sql`
    UPDATE ${smsAccountWindows}
    SET sent_at = sent_at[1:array_position(sent_at, ${now}::timestamptz) - 1] || sent_at[array_position(sent_at, ${now}::timestamptz) + 1:]
    WHERE account_id = ${accountId}::uuid AND array_position(sent_at, ${now}::timestamptz) IS NOT NULL`);
}

/** SMS codes reserved against the monthly budget in `month` ("2026-11"). */
export async function reservedSmsInMonth(db: Executor, month: string): Promise<number> {
  const [row] = await db
    .select({ sent: sql<number>`coalesce(sum(${smsBudgetShards.sent}), 0)::int` })
    .from(smsBudgetShards)
    .where(eq(smsBudgetShards.month, month));
  return row?.sent ?? 0;
}
