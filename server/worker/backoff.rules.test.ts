import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.rules.ts';

describe('retry backoff', () => {
  it('doubles per attempt within full jitter', () => {
    expect(retryDelayMs(1, () => 0)).toBe(1000);
    expect(retryDelayMs(1, () => 1)).toBe(2000);
    expect(retryDelayMs(3, () => 1)).toBe(8000);
  });
  it('is capped at 15 minutes', () => {
    expect(retryDelayMs(30, () => 1)).toBe(15 * 60_000);
  });
});
