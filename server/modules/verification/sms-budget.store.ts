import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { smsMonthlyUsage, smsSends } from './verification.tables.ts';

/** "2026-11" in UTC: the month an SMS counts against. */
export function monthKey(now: Date): string {
  return now.toISOString().slice(0, 7);
}

export interface SmsLimits {
  perAccountPerDay: number;
  monthlyBudget: number;
  costOre: number;
}

/**
 * Reserve one SMS for an account, or refuse when the account's rolling 24 h allowance or the
 * company's monthly budget is spent. Must run inside a transaction: the advisory lock makes the
 * per-account count exact when several processes send at once. The rest is one statement (the
 * month's counter moves only while under budget, and the send is recorded only when it moved),
 * because every SMS code waits for the month's row until this transaction commits.
 */
export async function reserveSms(
  tx: Executor,
  accountId: string,
  purpose: string,
  now: Date,
  limits: SmsLimits,
): Promise<boolean> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'sms:' + accountId}))`);
  const since = new Date(now.getTime() - 24 * 3600_000);
  const month = monthKey(now);
  const recorded = (await tx.execute(sql`
    WITH recent AS (
      SELECT count(*) AS n FROM ${smsSends} WHERE ${smsSends.accountId} = ${accountId}::uuid AND ${smsSends.sentAt} > ${since}
    ), reserved AS (
      INSERT INTO ${smsMonthlyUsage} (month, sent)
      SELECT ${month}, 1 FROM recent WHERE recent.n < ${limits.perAccountPerDay} AND ${limits.monthlyBudget} > 0
      ON CONFLICT (month) DO UPDATE SET sent = ${smsMonthlyUsage}.sent + 1 WHERE ${smsMonthlyUsage}.sent < ${limits.monthlyBudget}
      RETURNING sent
    )
    INSERT INTO ${smsSends} (account_id, purpose, cost_ore, sent_at)
    SELECT ${accountId}::uuid, ${purpose}, ${limits.costOre}, ${now} FROM reserved
    RETURNING id`)) as unknown as { rows: unknown[] };
  return recorded.rows.length === 1;
}

/** SMS codes reserved against the monthly budget in `month` ("2026-11"). */
export async function reservedSmsInMonth(db: Executor, month: string): Promise<number> {
  const [row] = await db.select({ sent: smsMonthlyUsage.sent }).from(smsMonthlyUsage).where(eq(smsMonthlyUsage.month, month));
  return row?.sent ?? 0;
}
