import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { BUDGET_SHARDS, shardAllowance } from './sms-budget.rules.ts';
import { smsBudgetShards, smsSends } from './verification.tables.ts';

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
 * company's monthly budget is spent. Must run inside a transaction: the advisory lock makes the
 * per-account count exact when several processes send at once. The month's budget is spent from
 * a random shard (sms-budget.rules.ts); only when that shard has nothing left are the others
 * tried, so the month never passes its budget and no SMS is refused while a shard has room.
 */
export async function reserveSms(
  tx: Executor,
  accountId: string,
  purpose: string,
  now: Date,
  limits: SmsLimits,
): Promise<boolean> {
  if (limits.monthlyBudget <= 0) return false;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'sms:' + accountId}))`);
  const first = await reserveInShard(tx, accountId, purpose, now, limits, randomInt(BUDGET_SHARDS));
  if (first !== 'shard_spent') return first === 'reserved';
  for (const shard of await shardsWithRoom(tx, monthKey(now), limits.monthlyBudget)) {
    const next = await reserveInShard(tx, accountId, purpose, now, limits, shard);
    if (next !== 'shard_spent') return next === 'reserved';
  }
  return false;
}

/**
 * One statement: the account's 24-hour count, the shard's counter moved only while the account is
 * under its limit and the shard under its allowance, and the send recorded only when it moved.
 * The shard's row is held from here until the transaction commits.
 */
async function reserveInShard(tx: Executor, accountId: string, purpose: string, now: Date, limits: SmsLimits, shard: number): Promise<ShardAttempt> {
  const since = new Date(now.getTime() - 24 * 3600_000);
  const allowance = shardAllowance(limits.monthlyBudget, shard);
  const result = (await tx.execute(sql`
    WITH recent AS (
      SELECT count(*) AS n FROM ${smsSends} WHERE ${smsSends.accountId} = ${accountId}::uuid AND ${smsSends.sentAt} > ${since}
    ), reserved AS (
      INSERT INTO ${smsBudgetShards} (month, shard, sent)
      SELECT ${monthKey(now)}, ${shard}, 1 FROM recent WHERE recent.n < ${limits.perAccountPerDay} AND ${allowance} > 0
      ON CONFLICT (month, shard) DO UPDATE SET sent = ${smsBudgetShards}.sent + 1 WHERE ${smsBudgetShards}.sent < ${allowance}
      RETURNING sent
    ), recorded AS (
      INSERT INTO ${smsSends} (account_id, purpose, cost_ore, sent_at)
      SELECT ${accountId}::uuid, ${purpose}, ${limits.costOre}, ${now} FROM reserved
      RETURNING id
    )
    SELECT (SELECT n FROM recent) < ${limits.perAccountPerDay} AS under_account_limit, EXISTS (SELECT 1 FROM recorded) AS reserved`)) as unknown as {
    rows: Array<{ under_account_limit: boolean; reserved: boolean }>;
  };
  const row = result.rows[0]!;
  if (row.reserved) return 'reserved';
  return row.under_account_limit ? 'shard_spent' : 'account_limit';
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
