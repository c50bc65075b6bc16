import { describe, expect, it } from 'vitest';
import { formatCost, formatSmsUsage, monthRange, usageByInstallation } from './sms-usage.rules.ts';

describe('SMS usage report', () => {
  it('reads a month as a UTC range and refuses anything else', () => {
    expect(monthRange('2026-12')).toEqual({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') });
    for (const bad of ['2026-13', '2026-1', 'november', '2026-11-01', '']) expect(monthRange(bad)).toBeNull();
  });
  it('shows costs in the currency and every grouping, with estimates marked', () => {
    expect(formatCost(3500, 'SEK')).toBe('0.35 SEK');
    const line = { key: 'k', currency: 'SEK', sms: 2, segments: 3, costTenThousandths: 10500, estimated: 1 };
    const text = formatSmsUsage({
      month: '2026-11',
      reserved: 2,
      reservedUnverified: 1,
      budget: 20000,
      total: [line],
      byDay: [{ ...line, key: '2026-11-25' }],
      byAccount: [{ ...line, key: null }],
      byInstallation: [],
    });
    expect(text).toContain('codes reserved against the monthly budget: 2 of 20000');
    expect(text).toContain('of them to numbers not yet verified: 1');
    expect(text).toContain('2026-11-25');
    expect(text).toContain('(no account)');
    expect(text).toContain('1.05 SEK  (1 estimated)');
    expect(text).toMatch(/Per installation.*\n.*\n {2}\(none\)/);
  });
  it('attributes SMS to the installation they were sent for, else to every installation of the account', () => {
    const figures = { currency: 'SEK', sms: 1, segments: 2, costTenThousandths: 3500, estimated: 0 };
    const lines = usageByInstallation(
      [
        { accountId: 'anna', installationId: null, ...figures, sms: 3, costTenThousandths: 10500 },
        { accountId: 'anna', installationId: 'cabin', ...figures },
        { accountId: 'nobody', installationId: null, ...figures },
        { accountId: null, installationId: null, ...figures },
      ],
      new Map([['anna', ['home', 'cabin']]]),
    );
    expect(lines).toEqual([
      { key: 'cabin', currency: 'SEK', sms: 4, segments: 4, costTenThousandths: 14000, estimated: 0 },
      { key: 'home', currency: 'SEK', sms: 3, segments: 2, costTenThousandths: 10500, estimated: 0 },
    ]);
  });

  it('keeps currencies apart', () => {
    const lines = usageByInstallation(
      [
        { accountId: null, installationId: 'home', currency: 'SEK', sms: 1, segments: 1, costTenThousandths: 3500, estimated: 0 },
        { accountId: null, installationId: 'home', currency: 'USD', sms: 1, segments: 1, costTenThousandths: 790, estimated: 1 },
      ],
      new Map(),
    );
    expect(lines.map((l) => [l.key, l.currency, l.sms])).toEqual([
      ['home', 'SEK', 1],
      ['home', 'USD', 1],
    ]);
  });
});
