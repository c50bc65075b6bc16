import { UAParser } from 'ua-parser-js';
import type { Language } from '../notifications/index.ts';

const words = { sv: { on: 'på', unknown: 'Okänd enhet' }, en: { on: 'on', unknown: 'Unknown device' } } as const;

/** Names as people know them: no "Mobile Safari", "Chrome Headless" or "Mac OS". */
const tidy = (name: string | undefined) =>
  name
    ?.replace(/^Mobile /, '')
    .replace(/ Headless$/, '')
    .replace(/^Mac OS$/, 'macOS');

/** "Chrome på Linux" / "Chrome on Linux" from a User-Agent, for lists and e-mails the user reads. */
export function deviceLabel(userAgent: string | null, language: Language): string {
  const { on, unknown } = words[language];
  if (!userAgent) return unknown;
  const { browser, os } = UAParser(userAgent);
  const name = tidy(browser.name);
  const system = tidy(os.name);
  if (!name && !system) return userAgent.slice(0, 60);
  return system ? `${name ?? unknown} ${on} ${system}` : name!;
}
