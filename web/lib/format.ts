import { useTranslation } from 'react-i18next';
import { formattingLocale, type Language } from './i18n.ts';

function localeOf(language: string): string {
  return formattingLocale[(language in formattingLocale ? language : 'sv') as Language];
}

/**
 * Dates, times and money as readers of the current language in Sweden expect. A plain
 * "YYYY-MM-DD" is a calendar date, shown as it is written, whatever the browser's time zone.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return {
    date: (value: string) => {
      const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
      const date = new Date(calendarDate ? `${value}T12:00:00Z` : value);
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: calendarDate ? 'UTC' : 'Europe/Stockholm' }).format(date);
    },
    dateTime: (value: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(value)),
    /** Amounts come in öre. */
    money: (ore: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'SEK' }).format(ore / 100),
    /** ISO weekday 1 (Monday) … 7 (Sunday), short. */
    weekday: (isoDay: number) =>
      // 2024-01-01 was a Monday.
      new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoDay))),
    weekdayLong: (isoDay: number) =>
      new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoDay))),
  };
}
