/** Both languages are read by people in Sweden: times are Swedish time, en-GB puts the day first with a 24-hour clock. */
export const timeZone = 'Europe/Stockholm';
export const formattingLocale = { sv: 'sv-SE', en: 'en-GB' } as const;
export type FormattingLanguage = keyof typeof formattingLocale;

/** "4 dec. 2026 14:05" / "4 Dec 2026, 14:05" in Swedish time; the one formatter of web, e-mail and SMS. */
export function formatDateTime(at: Date | string, language: FormattingLanguage): string {
  return new Intl.DateTimeFormat(formattingLocale[language], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at));
}

/** "4 dec. 2026". A plain "YYYY-MM-DD" is a calendar date, shown as written whatever the time zone. */
export function formatDate(value: Date | string, language: FormattingLanguage): string {
  const calendarDate = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = calendarDate ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(formattingLocale[language], { dateStyle: 'medium', timeZone: calendarDate ? 'UTC' : timeZone }).format(date);
}
