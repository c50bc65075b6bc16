import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { BUDGET_SHARDS, shardAllowance } from './sms-budget.rules.ts';
import { smsAccountWindows, smsBudgetShards, smsSends } from './verification.tables.ts';

/** "2026-11" in UTC: the month an SMS counts against. */
export function monthKey(now: Date): string {
  return now.toISOString().slice(0, 7);
}

export interface SmsLimits {
  perAccountPerDay: number;
  monthlyBudget: number;
  costOre: number;
}

/** Why an SMS could not be reserved, or that it was. */
type ShardAttempt = 'reserved' | 'account_limit' | 'shard_spent';

/**
 * Reserve one SMS for an account, or refuse when the account's rolling 24 h allowance or the
 * company's monthly budget is spent. Must run inside a transaction. The account's window and a
 * random shard of the month's budget (sms-budget.rules.ts) move in one statement; both are
 * upserts, which lock their row and re-check it as it is after any concurrent commit, so the
 * counts are exact across processes. Only when that shard has nothing left are the others tried,
 * so the month never passes its budget and no SMS is refused while a shard has room.
 */
export async function reserveSms(
  tx: Executor,
  accountId: string,
  purpose: string,
  now: Date,
  limits: SmsLimits,
): Promise<boolean> {
  if (limits.monthlyBudget <= 0) return false;
  const first = await reserveInShard(tx, accountId, purpose, now, limits, randomInt(BUDGET_SHARDS), true);
  if (first !== 'shard_spent') return first === 'reserved';
  // The account's window already holds this SMS (and its row) in this transaction.
  for (const shard of await shardsWithRoom(tx, monthKey(now), limits.monthlyBudget)) {
    if ((await reserveInShard(tx, accountId, purpose, now, limits, shard, false)) === 'reserved') return true;
  }
  await uncountLast(tx, accountId);
  return false;
}

/**
 * One statement: the account's window extended only while under its limit (or, on a retry, as
 * it is), the shard's counter moved only then and while under its allowance, and the send
 * recorded only when it moved. The rows it changed are held until the transaction commits.
 */
async function reserveInShard(
  tx: Executor,
  accountId: string,
  purpose: string,
  now: Date,
  limits: SmsLimits,
  shard: number,
  countAccount: boolean,
): Promise<ShardAttempt> {
  const since = new Date(now.getTime() - 24 * 3600_000);
  const allowance = shardAllowance(limits.monthlyBudget, shard);
  const recent = sql`(SELECT count(*) FROM unnest(${smsAccountWindows}.sent_at) AS t WHERE t > ${since})`;
  const counted = countAccount
    ? sql`INSERT INTO ${smsAccountWindows} (account_id, sent_at) SELECT ${accountId}::uuid, ARRAY[${now}::timestamptz] WHERE ${limits.perAccountPerDay} > 0
        ON CONFLICT (account_id) DO UPDATE
          SET sent_at = ARRAY(SELECT t FROM unnest(${smsAccountWindows}.sent_at) AS t WHERE t > ${since}) || ${now}::timestamptz
          WHERE ${recent} < ${limits.perAccountPerDay}
        RETURNING 1`
    : sql`SELECT 1`;
  const month = monthKey(now);
  // A plain update, not an upsert: an update that finds the shard spent holds no lock on it, so
  // transactions trying several shards never wait for each other in a circle. A shard the month
  // has not used yet is inserted; when another transaction inserts it first, this attempt
  // reports the shard spent and the retry finds it with room.
  const result = (await tx.execute(sql`
    WITH counted AS (${counted}), updated AS (
      UPDATE ${smsBudgetShards} SET sent = sent + 1
      WHERE month = ${month} AND shard = ${shard} AND sent < ${allowance} AND EXISTS (SELECT 1 FROM counted)
      RETURNING sent
    ), inserted AS (
      INSERT INTO ${smsBudgetShards} (month, shard, sent)
      SELECT ${month}, ${shard}, 1 FROM counted
      WHERE ${allowance} > 0 AND NOT EXISTS (SELECT 1 FROM ${smsBudgetShards} WHERE month = ${month} AND shard = ${shard})
      ON CONFLICT (month, shard) DO NOTHING
      RETURNING sent
    ), recorded AS (
      INSERT INTO ${smsSends} (account_id, purpose, cost_ore, sent_at)
      SELECT ${accountId}::uuid, ${purpose}, ${limits.costOre}, ${now} FROM (SELECT sent FROM updated UNION ALL SELECT sent FROM inserted) AS reserved
      RETURNING id
    )
    SELECT EXISTS (SELECT 1 FROM counted) AS under_account_limit, EXISTS (SELECT 1 FROM recorded) AS reserved`)) as unknown as {
    rows: Array<{ under_account_limit: boolean; reserved: boolean }>;
  };
  const row = result.rows[0]!;
  if (row.reserved) return 'reserved';
  return row.under_account_limit ? 'shard_spent' : 'account_limit';
}

/** Take back the SMS this transaction just added to the account's window (it is the last one). */
async function uncountLast(tx: Executor, accountId: string): Promise<void> {
  await tx.execute(sql`UPDATE ${smsAccountWindows} SET sent_at = sent_at[1:cardinality(sent_at) - 1] WHERE account_id = ${accountId}::uuid`);
}

/** The month's shards that have not spent their allowance, in shard order. */
async function shardsWithRoom(tx: Executor, month: string, monthlyBudget: number): Promise<number[]> {
  const spent = await tx.select({ shard: smsBudgetShards.shard, sent: smsBudgetShards.sent }).from(smsBudgetShards).where(eq(smsBudgetShards.month, month));
  const sentIn = new Map(spent.map((row) => [row.shard, row.sent]));
  return Array.from({ length: BUDGET_SHARDS }, (_, shard) => shard).filter((shard) => (sentIn.get(shard) ?? 0) < shardAllowance(monthlyBudget, shard));
}

/** SMS codes reserved against the monthly budget in `month` ("2026-11"). */
export async function reservedSmsInMonth(db: Executor, month: string): Promise<number> {
  const [row] = await db.select({ sent: sql<number>`coalesce(sum(${smsBudgetShards.sent}), 0)::int` }).from(smsBudgetShards).where(eq(smsBudgetShards.month, month));
  return row?.sent ?? 0;
}
