import { describe, expect, it } from 'vitest';
import { ipLimitSubject, overLimit, rateLimitedError, windowHits } from './rate-limit.rules.ts';

/** Hits (or limits) per rate-limit key. */
const counts = (byKey: Record<string, number>) => new Map(Object.entries(byKey));

describe('fixed rate-limit windows', () => {
  it('start on a multiple of the window, the same for every process, and end one window later', () => {
    const windows = windowHits(counts({ k: 3 }), new Date('2026-12-01T10:07:31.250Z'), 300);
    expect(windows.windowStart.toISOString()).toBe('2026-12-01T10:05:00.000Z');
    expect(windows.windowEnds.toISOString()).toBe('2026-12-01T10:10:00.000Z');
  });

  it('are over the limit only past it, for any of the keys', () => {
    const windows = windowHits(counts({ ip: 3, global: 100 }), new Date(), 60);
    expect(overLimit(counts({ ip: 3, global: 100 }), windows)).toBe(false);
    expect(overLimit(counts({ ip: 4, global: 1 }), windows)).toBe(true);
    expect(overLimit(counts({ ip: 1, global: 101 }), windows)).toBe(true);
  });

  it('let a recognised request pass a brake, never a plain limit', () => {
    const windows = windowHits(counts({ ip: 3, global: 100 }), new Date(), 60, new Set(['global']));
    expect(overLimit(counts({ ip: 1, global: 101 }), windows)).toBe(true);
    expect(overLimit(counts({ ip: 1, global: 101 }), windows, true)).toBe(false);
    expect(overLimit(counts({ ip: 4, global: 1 }), windows, true)).toBe(true);
  });

  it('refuse with the seconds until the window ends', () => {
    const now = new Date('2026-12-01T10:07:31.250Z');
    const error = rateLimitedError(windowHits(counts({ k: 3 }), now, 300), now);
    expect(error.code).toBe('rate_limited');
    expect(error.details.retryAfterSeconds).toBe(149);
  });
});

describe('the subject of a per-IP limit', () => {
  it('is an IPv4 address as it is, also written as IPv6', () => {
    expect(ipLimitSubject('192.0.2.7')).toBe('192.0.2.7');
    expect(ipLimitSubject('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(ipLimitSubject('::FFFF:c000:207')).toBe('192.0.2.7');
  });

  it('is the /64 prefix of an IPv6 address, however it is written', () => {
    const subject = '2001:db8:a:b::/64';
    for (const ip of ['2001:db8:a:b::1', '2001:0db8:000a:000b:ffff:ffff:ffff:ffff', '2001:DB8:A:B:1:2:3:4', '2001:db8:a:b::1.2.3.4', '2001:db8:a:b::1%eth0']) {
      expect(ipLimitSubject(ip)).toBe(subject);
    }
    expect(ipLimitSubject('2001:db8:a:c::1')).toBe('2001:db8:a:c::/64');
    expect(ipLimitSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipLimitSubject('::1')).toBe('0:0:0:0::/64');
    expect(ipLimitSubject('::')).toBe('0:0:0:0::/64');
  });

  it('is whatever else it was given, unchanged', () => {
    expect(ipLimitSubject('unknown')).toBe('unknown');
  });
});
