import { describe, expect, it } from 'vitest';
import { render, templateVariants } from './notifications.templates.ts';

const vars = {
  code: '123456', name: 'Kim', minutes: 5, supportPhone: '+46 771 00 00 00', portalUrl: 'http://localhost:3000', when: 'now', device: 'Firefox', ip: '127.0.0.1', link: 'http://localhost:3000/x',
  alias: 'Villa Solbacken', inviterName: 'Olivia', memberName: 'Ulla', byName: 'Adam', level: 'user', days: 7, which: 'customer',
  hours: 24, email: 'new@example.com', phone: '+46 *** ** 12', tokenName: 'Hemautomation', scope: 'read',
};

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
});
