import { UAParser } from 'ua-parser-js';

/** "Chrome 131 on Windows" from a User-Agent, for lists the user reads. */
export function deviceLabel(userAgent: string | null, fallback = 'Unknown device'): string {
  if (!userAgent) return fallback;
  const { browser, os } = UAParser(userAgent);
  const name = [browser.name, browser.major].filter(Boolean).join(' ');
  const system = [os.name, os.version].filter(Boolean).join(' ');
  if (!name && !system) return userAgent.slice(0, 60);
  return system ? `${name || fallback} on ${system}` : name;
}
