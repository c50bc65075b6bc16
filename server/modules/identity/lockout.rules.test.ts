import { describe, expect, it } from 'vitest';
import { decideAttempt, failureLocks } from './lockout.rules.ts';

describe('lockout rules with the default of three allowed failures', () => {
  it('evaluates attempts 1 to 4 and refuses any that raced past the 4th unevaluated', () => {
    expect([1, 2, 3, 4].map((n) => decideAttempt(n, 3))).toEqual(['evaluate', 'evaluate', 'evaluate', 'evaluate']);
    expect(decideAttempt(5, 3)).toBe('refuse_locked');
    expect(decideAttempt(50, 3)).toBe('refuse_locked');
  });

  it('only the 4th consecutive failure locks', () => {
    expect([1, 2, 3].map((n) => failureLocks(n, 3))).toEqual([false, false, false]);
    expect(failureLocks(4, 3)).toBe(true);
  });
});
