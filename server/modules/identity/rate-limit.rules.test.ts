import { describe, expect, it } from 'vitest';
import { overLimit, rateLimitedError, windowHits } from './rate-limit.rules.ts';

describe('fixed rate-limit windows', () => {
  it('start on a multiple of the window, the same for every process, and end one window later', () => {
    const windows = windowHits(new Map([['k', 3]]), new Date('2026-12-01T10:07:31.250Z'), 300);
    expect(windows.windowStart.toISOString()).toBe('2026-12-01T10:05:00.000Z');
    expect(windows.windowEnds.toISOString()).toBe('2026-12-01T10:10:00.000Z');
  });

  it('are over the limit only past it, for any of the keys', () => {
    const windows = windowHits(new Map([['ip', 3], ['global', 100]]), new Date(), 60);
    expect(overLimit(new Map([['ip', 3], ['global', 100]]), windows)).toBe(false);
    expect(overLimit(new Map([['ip', 4], ['global', 1]]), windows)).toBe(true);
    expect(overLimit(new Map([['ip', 1], ['global', 101]]), windows)).toBe(true);
  });

  it('refuse with the seconds until the window ends', () => {
    const now = new Date('2026-12-01T10:07:31.250Z');
    const error = rateLimitedError(windowHits(new Map([['k', 3]]), now, 300), now);
    expect(error.code).toBe('rate_limited');
    expect(error.details.retryAfterSeconds).toBe(149);
  });
});
