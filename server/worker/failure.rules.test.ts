import { describe, expect, it } from 'vitest';
import { decideFailure } from './failure.rules.ts';

describe('what a failed delivery leads to', () => {
  const base = { hasFallback: false, permanent: false, attempts: 1, maxAttempts: 8 };
  it('a one-time code with an e-mail fallback falls back at once, whatever the failure', () => {
    expect(decideFailure({ ...base, hasFallback: true })).toBe('fall_back');
    expect(decideFailure({ ...base, hasFallback: true, permanent: true })).toBe('fall_back');
  });
  it('permanent failures and the last attempt are dead letters; the rest retry', () => {
    expect(decideFailure({ ...base, permanent: true })).toBe('dead');
    expect(decideFailure({ ...base, attempts: 8 })).toBe('dead');
    expect(decideFailure({ ...base, attempts: 7 })).toBe('retry');
  });
});
