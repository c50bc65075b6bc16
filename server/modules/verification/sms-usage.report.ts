import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { smsUsage } from '../notifications/index.ts';
import type { SmsUsageReport } from './sms-usage.rules.ts';
import { monthRange } from './sms-usage.rules.ts';
import { smsMonthlyUsage } from './verification.tables.ts';

/** What was sent and what it cost in a month, beside the budget it counts against (SPEC §3.5). */
export async function smsUsageReport(db: Executor, month: string, budget: number): Promise<SmsUsageReport> {
  const range = monthRange(month);
  if (!range) throw new RangeError(`not a month: "${month}" (expected YYYY-MM)`);
  const [reserved] = await db.select({ sent: smsMonthlyUsage.sent }).from(smsMonthlyUsage).where(eq(smsMonthlyUsage.month, month));
  return { month, reserved: reserved?.sent ?? 0, budget, ...(await smsUsage(db, range.from, range.to)) };
}
