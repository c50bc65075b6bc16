import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, normalizePassword } from './password.rules.ts';

const person = { name: 'Anna-Karin Berg', email: 'akberg@example.com' };

describe('password policy (SPEC §3.3)', () => {
  it.each([
    ['kort lösen', 'password_too_short'],
    ['x'.repeat(257), 'password_too_long'],
    ['123qweasdzxc', 'password_too_common'],
    ['QWERTY123456', 'password_too_common'],
    ['passwordpassword', 'password_too_common'],
    ['aaaaaaaaaaaaaaaa', 'password_too_common'],
    ['AnnaKarinBerg2024', 'password_contains_personal_data'],
    ['akberg-akberg-1!', 'password_contains_personal_data'],
  ])('refuses %j as %s', (password, code) => {
    expect(checkPasswordPolicy(password, person)).toBe(code);
  });

  it.each(['korrekt häst batteri', 'Anna älskar blåbärspaj i juli', '🔐🏠 lång fras med emoji', '   spaces count   '])('accepts %j', (password) => {
    expect(checkPasswordPolicy(password, person)).toBeNull();
  });

  it('counts characters, not UTF-16 units, and never trims', () => {
    const emoji = ['🏠', '🔑', '🐈', '🌲', '🚲', '🎈', '📚', '🧀', '🍎', '🌙', '🐟', '🦊'];
    expect(checkPasswordPolicy(emoji.join(''), {})).toBeNull();
    expect(checkPasswordPolicy(emoji.slice(1).join(''), {})).toBe('password_too_short');
    expect(checkPasswordPolicy(' '.repeat(11) + 'x', {})).not.toBe('password_too_short');
  });

  it('normalises compatibility forms the same way when set and when checked (NFKC)', () => {
    expect(normalizePassword('ｆｕｌｌｗｉｄｔｈ')).toBe('fullwidth');
    expect(normalizePassword('e\u0301')).toBe('\u00e9');
  });
});
