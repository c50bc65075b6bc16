import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUDGET_SHARDS, shardAllowance, unverifiedAllowance } from './sms-budget.rules.ts';

const allowances = (budget: number) => Array.from({ length: BUDGET_SHARDS }, (_, shard) => shardAllowance(budget, shard));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the monthly SMS budget split in shards', () => {
  it('adds up to exactly the budget, so the month can never spend more', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (budget) => sum(allowances(budget)) === budget));
  });

  it('splits evenly: no shard has more than one SMS more than another', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (budget) => {
        const split = allowances(budget);
        return Math.max(...split) - Math.min(...split) <= 1;
      }),
    );
  });

  it('gives a budget smaller than the shard count to the first shards, one each', () => {
    expect(allowances(3).slice(0, 4)).toEqual([1, 1, 1, 0]);
    expect(sum(allowances(3))).toBe(3);
  });

  it('gives nothing when the budget is zero or negative (every code by e-mail)', () => {
    expect(allowances(0).every((a) => a === 0)).toBe(true);
    expect(allowances(-5).every((a) => a === 0)).toBe(true);
  });
});

describe('the share of SMS to unverified numbers', () => {
  it('is the percentage of the budget rounded down, so the rest always stays for verified numbers', () => {
    expect(unverifiedAllowance(20000, 10)).toBe(2000);
    expect(unverifiedAllowance(12, 25)).toBe(3);
    expect(unverifiedAllowance(12, 10)).toBe(1);
    expect(unverifiedAllowance(9, 10)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), (budget, percent) => {
        const share = unverifiedAllowance(budget, percent);
        return share >= 0 && share <= budget && budget - share >= Math.ceil((budget * (100 - percent)) / 100);
      }),
    );
  });
});
