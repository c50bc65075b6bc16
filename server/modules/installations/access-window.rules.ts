import type { AccessWindow } from '../../../contract/installations.ts';

interface LocalDay {
  date: string; // YYYY-MM-DD
  weekday: number; // 1 = Monday … 7 = Sunday
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock day and minute of `now` in the installation's time zone (DST included). */
function localTime(now: Date, timeZone: string): { day: LocalDay; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return {
    day: { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: WEEKDAYS[parts.weekday!]! },
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function dayBefore(day: LocalDay): LocalDay {
  const [y, m, d] = day.date.split('-').map(Number);
  return { date: new Date(Date.UTC(y!, m! - 1, d! - 1)).toISOString().slice(0, 10), weekday: day.weekday === 1 ? 7 : day.weekday - 1 };
}

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function dayMatches(window: AccessWindow, day: LocalDay): boolean {
  if (window.weekdays && !window.weekdays.includes(day.weekday)) return false;
  if (window.startDate && day.date < window.startDate) return false;
  if (window.endDate && day.date > window.endDate) return false;
  return true;
}

/**
 * Whether a restricted user may act now. Weekdays and dates name the day a period starts,
 * so a Friday 22:00–06:00 window still holds at 02:00 on Saturday.
 */
export function isWithinWindow(window: AccessWindow, now: Date, timeZone: string): boolean {
  const { day, minute } = localTime(now, timeZone);
  if (!window.startTime || !window.endTime) return dayMatches(window, day);
  const start = minuteOf(window.startTime);
  const end = minuteOf(window.endTime);
  if (start < end) return minute >= start && minute < end && dayMatches(window, day);
  // Past midnight: either the period that started today or the one that started yesterday.
  return (minute >= start && dayMatches(window, day)) || (minute < end && dayMatches(window, dayBefore(day)));
}

/** A window must be able to open: times in pairs and different, dates real and in order. */
export function isValidWindow(window: AccessWindow): boolean {
  if (Boolean(window.startTime) !== Boolean(window.endTime)) return false;
  if (window.startTime && window.startTime === window.endTime) return false;
  for (const date of [window.startDate, window.endDate]) {
    const parsed = date ? new Date(`${date}T00:00:00Z`) : undefined;
    if (parsed && (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)) return false;
  }
  if (window.startDate && window.endDate && window.startDate > window.endDate) return false;
  return true;
}
