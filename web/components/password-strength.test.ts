import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../server/modules/identity/password.rules.ts';
import * as meter from './password-strength.ts';

describe('the password strength meter', () => {
  it('uses the same length limits as the server', () => {
    expect([meter.PASSWORD_MIN_LENGTH, meter.PASSWORD_MAX_LENGTH]).toEqual([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]);
  });

  it('counts characters as the server does (NFKC, code points)', () => {
    expect(meter.passwordLength('ﬁ😀')).toBe(3);
  });

  it.each([
    ['elva tecken', 'tooShort'],
    ['abcdefghijklm', 'weak'],
    ['hejhejhejhej', 'weak'],
    ['Lösenord2024!', 'weak'],
    ['kqzmvtrplwxn', 'fair'],
    ['korrekt häst batteri häftklammer', 'strong'],
  ] as const)('rates %j as %s', (password, level) => {
    expect(meter.passwordStrength(password)).toBe(level);
  });
});
