import type { OriginUsage, UsageFigures, UsageLine } from '../notifications/index.ts';

/** "2026-11" → the UTC month it names, or null when it is not a month. */
export function monthRange(month: string): { from: Date; to: Date } | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return { from: new Date(Date.UTC(year, index, 1)), to: new Date(Date.UTC(year, index + 1, 1)) };
}

export interface InstallationUsageLine extends UsageLine {
  /** The installation's alias, when it still exists. */
  alias?: string;
}

export interface SmsUsageReport {
  month: string;
  /** SMS codes reserved against the monthly budget, and the budget. */
  reserved: number;
  /** Of `reserved`, those to numbers not yet verified (their own share of the budget, ADR 52). */
  reservedUnverified: number;
  budget: number;
  total: UsageLine[];
  byDay: UsageLine[];
  byAccount: UsageLine[];
  byInstallation: InstallationUsageLine[];
}

function add(into: UsageFigures, more: UsageFigures): void {
  into.sms += more.sms;
  into.segments += more.segments;
  into.costTenThousandths += more.costTenThousandths;
  into.estimated += more.estimated;
}

/**
 * SMS per installation. One sent for an installation counts there; one sent to an account for
 * itself (sign-in, step-up and phone codes) counts in every installation the account belongs to
 * now, since the household's users cause the installation's cost. An account in two
 * installations therefore counts in both: the lines need not add up to the total.
 */
export function usageByInstallation(origins: OriginUsage[], installationsOf: Map<string, string[]>): UsageLine[] {
  const lines = new Map<string, UsageLine>();
  for (const origin of origins) {
    const targets = origin.installationId ? [origin.installationId] : origin.accountId ? (installationsOf.get(origin.accountId) ?? []) : [];
    for (const installationId of targets) {
      const key = `${installationId} ${origin.currency}`;
      const line = lines.get(key) ?? { key: installationId, currency: origin.currency, sms: 0, segments: 0, costTenThousandths: 0, estimated: 0 };
      add(line, origin);
      lines.set(key, line);
    }
  }
  return [...lines.values()].sort((a, b) => b.costTenThousandths - a.costTenThousandths || a.key!.localeCompare(b.key!));
}

/** 3500 (1/10000 SEK) → "0.35 SEK". */
export function formatCost(tenThousandths: number, currency: string): string {
  return `${(tenThousandths / 10_000).toFixed(2)} ${currency}`;
}

/** The report as the operator reads it in a terminal. */
export function formatSmsUsage(report: SmsUsageReport): string {
  const row = (label: string, line: UsageLine) =>
    `  ${label.padEnd(38)} ${String(line.sms).padStart(7)} ${String(line.segments).padStart(8)} ${formatCost(line.costTenThousandths, line.currency).padStart(14)}${line.estimated ? `  (${line.estimated} estimated)` : ''}`;
  const section = (title: string, lines: Array<{ label: string; line: UsageLine }>) => [
    `${title}`,
    `  ${''.padEnd(38)} ${'sms'.padStart(7)} ${'parts'.padStart(8)} ${'cost'.padStart(14)}`,
    ...(lines.length ? lines.map(({ label, line }) => row(label, line)) : ['  (none)']),
    '',
  ];
  const keyed = (lines: UsageLine[], none: string) => lines.map((line) => ({ label: line.key ?? none, line }));
  return [
    `SMS usage ${report.month}`,
    `  codes reserved against the monthly budget: ${report.reserved} of ${report.budget}`,
    `    of them to numbers not yet verified: ${report.reservedUnverified}`,
    '',
    ...section(
      'Total',
      report.total.map((line) => ({ label: 'all', line })),
    ),
    ...section('Per day (UTC)', keyed(report.byDay, '-')),
    ...section('Per account', keyed(report.byAccount, '(no account)')),
    ...section(
      "Per installation (an account's own codes count in each installation it belongs to)",
      report.byInstallation.map((line) => ({ label: line.alias ? `${line.alias} (${line.key})` : line.key!, line })),
    ),
  ].join('\n');
}
