import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './date-time.ts';
import { dialablePhone, formatPhone } from './phone.ts';

describe('formatPhone', () => {
  it.each([
    ['+46701234567', '070-123 45 67'],
    ['0701234567', '070-123 45 67'],
    ['+46 771 00 00 00', '0771-00 00 00'],
    ['+46812345678', '08-123 456 78'],
  ])('shows the Swedish number %s as %s', (input, shown) => expect(formatPhone(input)).toBe(shown));

  it('shows a foreign number in the international form', () => expect(formatPhone('+4741234567')).toBe('+47 41 23 45 67'));
  it('leaves text that is no number alone', () => expect(formatPhone('okänt')).toBe('okänt'));
  it('dials in E.164', () => expect(dialablePhone('0771-00 00 00')).toBe('+46771000000'));
});

describe('formatDateTime', () => {
  it('shows winter times in Swedish time (UTC+1)', () => {
    expect(formatDateTime('2026-12-04T13:05:00Z', 'sv')).toBe('4 dec. 2026 14:05');
    expect(formatDateTime('2026-12-04T13:05:00Z', 'en')).toBe('4 Dec 2026, 14:05');
  });
  it('shows summer times in Swedish summer time (UTC+2), also across midnight', () => expect(formatDateTime(new Date('2026-06-30T22:30:00Z'), 'sv')).toBe('1 juli 2026 00:30'));
  it('keeps a calendar date as written', () => expect(formatDate('2026-01-01', 'en')).toBe('1 Jan 2026'));
});
