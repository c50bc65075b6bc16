import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDbKinds } from '../../../test/test-db.ts';
import type { Database } from '../../db/database.ts';
import { BUDGET_SHARDS } from './sms-budget.rules.ts';
import { monthKey, reserveSms, reservedSmsInMonth, type SmsLimits } from './sms-budget.store.ts';

const now = new Date('2026-12-01T10:00:00Z');

describe.each(testDbKinds())('the SMS budget (SPEC §3.5) on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb(kind, 20);
  });
  afterAll(() => database.close());

  /** Each reservation in a transaction of its own, all started at once, like sign-ins on many servers. */
  const reserveAtOnce = (accountIds: string[], limits: SmsLimits, at = now) => Promise.all(accountIds.map((id) => database.db.transaction((tx) => reserveSms(tx, id, at, limits))));

  it('spends a monthly budget exactly, however many sign-ins ask at once', async () => {
    const limits = { perAccountPerDay: 5, monthlyBudget: 45 };
    const results = await reserveAtOnce(
      Array.from({ length: 70 }, () => randomUUID()),
      limits,
    );
    expect(results.filter(Boolean)).toHaveLength(45);
    expect(await reservedSmsInMonth(database.db, monthKey(now))).toBe(45);
  });

  it('finds the shards with room when the month is nearly spent', async () => {
    // A budget smaller than the shard count: most random picks land on a shard with nothing to spend.
    const limits = { perAccountPerDay: 5, monthlyBudget: 3 };
    const march = new Date('2027-03-10T10:00:00Z');
    const one = async () => database.db.transaction((tx) => reserveSms(tx, randomUUID(), march, limits));
    expect([await one(), await one(), await one(), await one()]).toEqual([true, true, true, false]);
    expect(await reservedSmsInMonth(database.db, '2027-03')).toBe(3);
    expect(BUDGET_SHARDS).toBeGreaterThan(3);
  });

  it('keeps one account to its allowance in 24 hours, also when its sign-ins race', async () => {
    const limits = { perAccountPerDay: 5, monthlyBudget: 1_000_000 };
    const account = randomUUID();
    const later = new Date('2027-05-01T10:00:00Z');
    const results = await reserveAtOnce(
      Array.from({ length: 12 }, () => account),
      limits,
      later,
    );
    expect(results.filter(Boolean)).toHaveLength(5);
    // A day later the oldest have rolled out of the window.
    const nextDay = new Date(later.getTime() + 24 * 3600_000 + 1000);
    expect(await database.db.transaction((tx) => reserveSms(tx, account, nextDay, limits))).toBe(true);
  });

  it('sends nothing by SMS when the budget is zero', async () => {
    const results = await reserveAtOnce([randomUUID()], { perAccountPerDay: 5, monthlyBudget: 0 });
    expect(results).toEqual([false]);
  });
});
