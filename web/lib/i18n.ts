import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalog } from '../locales/sv.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

/** Each language's texts are a chunk of their own, fetched when that language is first shown. */
const catalogLoaders = {
  sv: () => import('../locales/sv.ts'),
  en: () => import('../locales/en.ts'),
} satisfies Record<string, () => Promise<{ default: Catalog }>>;

export type Language = keyof typeof catalogLoaders;
export const languages = Object.keys(catalogLoaders) as Language[];

export { formattingLocale } from '../../contract/format/date-time.ts';

/** Remembered per browser for signed-out pages; signed in, the account remembers it (account-language.ts). */
export const languageStorageKey = 'portvakt.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(catalogLoaders, value);
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

async function loadCatalog(language: Language): Promise<Catalog> {
  return (await catalogLoaders[language]()).default;
}

export async function initI18n(): Promise<void> {
  // <html lang> follows the language so screen readers pronounce the page right.
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  const language = storedLanguage();
  // Set before its texts arrive, so the page says its language from the start.
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: await loadCatalog(language) } },
    lng: language,
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
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', await loadCatalog(language));
  }
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'sv';
}
