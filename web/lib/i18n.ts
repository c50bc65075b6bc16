import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.ts';
import sv, { type Catalog } from '../locales/sv.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

export const catalogs = { sv, en };
export type Language = keyof typeof catalogs;
export const languages = Object.keys(catalogs) as Language[];

export { formattingLocale } from '../../contract/format/date-time.ts';

/** Remembered per browser for signed-out pages; signed in, the account remembers it (account-language.ts). */
export const languageStorageKey = 'portvakt.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(catalogs, value);
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(languageStorageKey);
    return isLanguage(stored) ? stored : 'sv';
  } catch {
    // Storage can be blocked (private modes, policies); Swedish is the default then.
    return 'sv';
  }
}

export async function initI18n(): Promise<void> {
  // <html lang> follows the language so screen readers pronounce the page right.
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'sv',
    interpolation: { escapeValue: false },
  });
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(languageStorageKey, language);
  } catch {
    // Not remembered, but the switch still works for this visit.
  }
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'sv';
}
