import type { UsageLine } from '../notifications/index.ts';

/** "2026-11" → the UTC month it names, or null when it is not a month. */
export function monthRange(month: string): { from: Date; to: Date } | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return { from: new Date(Date.UTC(year, index, 1)), to: new Date(Date.UTC(year, index + 1, 1)) };
}

export interface SmsUsageReport {
  month: string;
  /** SMS codes reserved against the monthly budget, and the budget. */
  reserved: number;
  budget: number;
  total: UsageLine[];
  byDay: UsageLine[];
  byAccount: UsageLine[];
  byInstallation: UsageLine[];
}

/** 3500 (1/10000 SEK) → "0.35 SEK". */
export function formatCost(tenThousandths: number, currency: string): string {
  return `${(tenThousandths / 10_000).toFixed(2)} ${currency}`;
}

/** The report as the operator reads it in a terminal. */
export function formatSmsUsage(report: SmsUsageReport): string {
  const row = (label: string, line: UsageLine) =>
    `  ${label.padEnd(38)} ${String(line.sms).padStart(7)} ${String(line.segments).padStart(8)} ${formatCost(line.costTenThousandths, line.currency).padStart(14)}${line.estimated ? `  (${line.estimated} estimated)` : ''}`;
  const section = (title: string, lines: UsageLine[], none: string) => [
    `${title}`,
    `  ${''.padEnd(38)} ${'sms'.padStart(7)} ${'parts'.padStart(8)} ${'cost'.padStart(14)}`,
    ...(lines.length ? lines.map((l) => row(l.key ?? none, l)) : ['  (none)']),
    '',
  ];
  return [
    `SMS usage ${report.month}`,
    `  codes reserved against the monthly budget: ${report.reserved} of ${report.budget}`,
    '',
    ...section('Total', report.total.map((l) => ({ ...l, key: 'all' })), 'all'),
    ...section('Per day (UTC)', report.byDay, '-'),
    ...section('Per account', report.byAccount, '(no account)'),
    ...section('Per installation', report.byInstallation, '(no installation)'),
  ].join('\n');
}
