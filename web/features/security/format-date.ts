import { useTranslation } from 'react-i18next';
import { formattingLocale, type Language } from '../../lib/i18n.ts';

/** "25 nov. 2026 14:05" / "25 Nov 2026, 14:05": date and time as readers of the page's language expect. */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'sv';
  const format = new Intl.DateTimeFormat(formattingLocale[language], { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => format.format(new Date(iso));
}
