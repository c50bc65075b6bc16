import type { Executor } from '../../db/database.ts';
import { installationAliases, installationsOfAccounts } from '../installations/index.ts';
import { smsUsage } from '../notifications/index.ts';
import { reservedSmsInMonth, reservedUnverifiedSmsInMonth } from '../verification/index.ts';
import { monthRange, usageByInstallation, type SmsUsageReport } from './sms-usage.rules.ts';

/** What was sent and what it cost in a month, beside the budget it counts against (SPEC §3.5, §7.5). */
export async function smsUsageReport(db: Executor, month: string, budget: number): Promise<SmsUsageReport> {
  const range = monthRange(month);
  if (!range) throw new RangeError(`not a month: "${month}" (expected YYYY-MM)`);
  const { byOrigin, ...usage } = await smsUsage(db, range.from, range.to);

  const accountIds = [...new Set(byOrigin.flatMap((origin) => (origin.accountId && !origin.installationId ? [origin.accountId] : [])))];
  const installationsOf = new Map<string, string[]>();
  for (const { accountId, installationId } of await installationsOfAccounts(db, accountIds)) {
    installationsOf.set(accountId, [...(installationsOf.get(accountId) ?? []), installationId]);
  }
  const byInstallation = usageByInstallation(byOrigin, installationsOf);
  const aliases = await installationAliases(
    db,
    byInstallation.map((line) => line.key!),
  );
  return {
    month,
    reserved: await reservedSmsInMonth(db, month),
    reservedUnverified: await reservedUnverifiedSmsInMonth(db, month),
    budget,
    ...usage,
    byInstallation: byInstallation.map((line) => ({ ...line, alias: aliases.get(line.key!) })),
  };
}
