import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formattingLocale } from '../../contract/format/date-time.ts';
import { formatPhone } from '../../contract/format/phone.ts';
import { isLanguage, type Language } from './i18n.ts';

/** Dates, times, phone numbers and money as readers of the current language in Sweden expect (the e-mails use the same formatters). */
export function useFormat() {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'sv';
  const locale = formattingLocale[language];
  return {
    date: (value: string) => formatDate(value, language),
    dateTime: (value: string) => formatDateTime(value, language),
    phone: formatPhone,
    /** Amounts come in öre. */
    money: (ore: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'SEK' }).format(ore / 100),
    /** ISO weekday 1 (Monday) … 7 (Sunday), short. */
    weekday: (isoDay: number) =>
      // 2024-01-01 was a Monday.
      new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoDay))),
    weekdayLong: (isoDay: number) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoDay))),
  };
}
