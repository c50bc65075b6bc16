import { describe, expect, it } from 'vitest';
import { isValidWindow, isWithinWindow } from './access-window.rules.ts';

const tz = 'Europe/Stockholm';
const at = (iso: string) => new Date(iso);

describe('access window of a restricted user, in Stockholm time', () => {
  it('checks weekdays on the local day, not the UTC day', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Stockholm (winter, UTC+1).
    expect(isWithinWindow({ weekdays: [1] }, at('2026-01-18T23:30:00Z'), tz)).toBe(true);
    expect(isWithinWindow({ weekdays: [7] }, at('2026-01-18T23:30:00Z'), tz)).toBe(false);
  });

  it('checks hours in local time across daylight saving time', () => {
    const window = { startTime: '08:00', endTime: '17:00' };
    expect(isWithinWindow(window, at('2026-01-15T07:00:00Z'), tz)).toBe(true); // 08:00 winter
    expect(isWithinWindow(window, at('2026-01-15T06:59:00Z'), tz)).toBe(false);
    expect(isWithinWindow(window, at('2026-07-15T06:00:00Z'), tz)).toBe(true); // 08:00 summer
    expect(isWithinWindow(window, at('2026-07-15T15:00:00Z'), tz)).toBe(false); // 17:00 summer: end is exclusive
  });

  it('treats dates as inclusive local days', () => {
    const window = { startDate: '2026-06-20', endDate: '2026-06-21' };
    expect(isWithinWindow(window, at('2026-06-19T22:30:00Z'), tz)).toBe(true); // 00:30 on the 20th
    expect(isWithinWindow(window, at('2026-06-21T21:59:00Z'), tz)).toBe(true);
    expect(isWithinWindow(window, at('2026-06-21T22:00:00Z'), tz)).toBe(false);
  });

  it('runs a window past midnight from the day it starts', () => {
    const friday = { weekdays: [5], startTime: '22:00', endTime: '06:00' };
    expect(isWithinWindow(friday, at('2026-01-16T21:30:00Z'), tz)).toBe(true); // Fri 22:30
    expect(isWithinWindow(friday, at('2026-01-17T01:00:00Z'), tz)).toBe(true); // Sat 02:00
    expect(isWithinWindow(friday, at('2026-01-17T05:00:00Z'), tz)).toBe(false); // Sat 06:00
    expect(isWithinWindow(friday, at('2026-01-16T01:00:00Z'), tz)).toBe(false); // Fri 02:00 belongs to Thursday
  });

  it('refuses windows that cannot open', () => {
    expect(isValidWindow({ startTime: '08:00' })).toBe(false);
    expect(isValidWindow({ startTime: '08:00', endTime: '08:00' })).toBe(false);
    expect(isValidWindow({ startDate: '2026-02-30' })).toBe(false);
    expect(isValidWindow({ startDate: '2026-13-01' })).toBe(false);
    expect(isValidWindow({ startDate: '2026-05-02', endDate: '2026-05-01' })).toBe(false);
    expect(isValidWindow({ weekdays: [1, 2], startTime: '22:00', endTime: '06:00', startDate: '2026-01-01' })).toBe(true);
  });
});
