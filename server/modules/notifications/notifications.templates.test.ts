import { describe, expect, it } from 'vitest';
import { mainMenu } from '../../../web/app/menu.ts';
import en from '../../../web/locales/en.ts';
import sv from '../../../web/locales/sv.ts';
import type { Language } from './notifications.types.ts';
import { render, templateVariants } from './notifications.templates.ts';

const vars = {
  code: '123456',
  name: 'Kim',
  minutes: 5,
  supportPhone: '+46 771 00 00 00',
  portalUrl: 'http://localhost:3000',
  when: '2026-12-04T13:05:00.000Z',
  device: 'Firefox',
  ip: '127.0.0.1',
  link: 'http://localhost:3000/x',
  alias: 'Villa Solbacken',
  inviterName: 'Olivia',
  memberName: 'Ulla',
  byName: 'Adam',
  level: 'user',
  days: 7,
  which: 'customer',
  hours: 24,
  email: 'new@example.com',
  phone: '+46 *** ** 12',
  tokenName: 'Hemautomation',
  scope: 'read',
};
const languages: Language[] = ['sv', 'en'];
const variants = templateVariants().flatMap((variant) => languages.map((language) => ({ ...variant, language })));

/** "Group › Item" for every entry of the web's main menu, in the catalog's words. */
function menuPaths(catalog: object): string[] {
  const text = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog) as string;
  return mainMenu.flatMap((entry) => ('items' in entry ? entry.items.map((item) => `${text(entry.label)} › ${text(item.label)}`) : [text(entry.label)]));
}
const paths = { sv: menuPaths(sv), en: menuPaths(en) };

describe('message templates', () => {
  it.each(templateVariants())('$template by $channel exists in Swedish and English and differs', ({ template, channel }) => {
    const sv = render(template, channel, 'sv', vars);
    const en = render(template, channel, 'en', vars);
    expect(sv.text.length).toBeGreaterThan(10);
    expect(en.text.length).toBeGreaterThan(10);
    expect(sv.text).not.toEqual(en.text);
    if (channel === 'email') expect(sv.subject && en.subject).toBeTruthy();
    if (channel === 'sms') expect(sv.text.length).toBeLessThanOrEqual(306);
  });

  it.each(variants)('$template by $channel in $language names only menu paths that exist', ({ template, channel, language }) => {
    const { text } = render(template, channel, language, vars);
    const named = [...text.matchAll(/›/g)].map(({ index }) => paths[language].find((path) => text.startsWith(path, index - path.indexOf('›'))));
    expect(named).not.toContain(undefined);
  });

  it.each(variants)('$template by $channel in $language breaks lines only after a sentence, a link or the code', ({ template, channel, language }) => {
    const broken = render(template, channel, language, vars)
      .text.split('\n')
      .filter((line) => line && !/(?:[.!?:,]|https?:\/\/\S+|\b\d{6})$/.test(line));
    expect(broken).toEqual([]);
  });

  it('shows moments in Swedish time and the support number the Swedish way', () => {
    const sv = render('password_changed', 'email', 'sv', vars).text;
    expect(sv).toContain('4 dec. 2026 14:05');
    expect(sv).toContain('0771-00 00 00');
    expect(render('password_changed', 'email', 'en', vars).text).toContain('4 Dec 2026, 14:05');
  });
});
