import { describe, expect, it } from 'vitest';
import { secureRandomBytes } from './random.ts';

describe('secureRandomBytes', () => {
  it('gives the size asked for, never the same bytes twice, across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const bytes = secureRandomBytes(i % 2 ? 12 : 32);
      expect(bytes.length).toBe(i % 2 ? 12 : 32);
      seen.add(bytes.toString('hex'));
    }
    expect(seen.size).toBe(2000);
  });

  it('gives the caller its own copy, not a view of the pool', () => {
    const first = secureRandomBytes(16);
    const copy = Buffer.from(first);
    for (let i = 0; i < 600; i++) secureRandomBytes(16);
    expect(first.equals(copy)).toBe(true);
  });

  it('serves sizes larger than the pool from the CSPRNG directly', () => {
    const big = secureRandomBytes(10_000);
    expect(big.length).toBe(10_000);
    expect(new Set(big).size).toBeGreaterThan(200);
  });
});
