import type { Language } from '../notifications.types.ts';

/** The permission levels of SPEC §4.2 as customers know them. */
const names: Record<Language, Record<string, string>> = {
  sv: { owner: 'Systemansvarig', administrator: 'Administratör', user: 'Användare', restricted: 'Begränsad användare' },
  en: { owner: 'System owner', administrator: 'Administrator', user: 'User', restricted: 'Restricted user' },
};

export const levelName = (language: Language, level: string | number | undefined): string => names[language][String(level)] ?? String(level);
