import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
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
 * per-account count exact when several processes send at once, and the monthly counter is a
 * single conditional UPDATE.
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
  const [recent] = await tx
    .select({ n: count() })
    .from(smsSends)
    .where(and(eq(smsSends.accountId, accountId), gt(smsSends.sentAt, since)));
  if (Number(recent?.n ?? 0) >= limits.perAccountPerDay) return false;

  const month = monthKey(now);
  await tx.insert(smsMonthlyUsage).values({ month, sent: 0 }).onConflictDoNothing();
  const reserved = await tx
    .update(smsMonthlyUsage)
    .set({ sent: sql`${smsMonthlyUsage.sent} + 1` })
    .where(and(eq(smsMonthlyUsage.month, month), lt(smsMonthlyUsage.sent, limits.monthlyBudget)))
    .returning({ sent: smsMonthlyUsage.sent });
  if (reserved.length === 0) return false;

  await tx.insert(smsSends).values({ accountId, purpose, costOre: limits.costOre, sentAt: now });
  return true;
}

/** SMS codes reserved against the monthly budget in `month` ("2026-11"). */
export async function reservedSmsInMonth(db: Executor, month: string): Promise<number> {
  const [row] = await db.select({ sent: smsMonthlyUsage.sent }).from(smsMonthlyUsage).where(eq(smsMonthlyUsage.month, month));
  return row?.sent ?? 0;
}
