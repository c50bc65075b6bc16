import { describe, expect, it } from 'vitest';
import { isPlausibleEmail, normalizeEmail } from './email.rules.ts';
import { normalizePhone } from './phone.rules.ts';
import { deviceLabel } from './device-label.rules.ts';

describe('e-mail identifiers (SPEC §3.1)', () => {
  it('trims, lower-cases and composes Unicode (NFC)', () => {
    expect(normalizeEmail('  Olle@Exempel.SE ')).toBe('olle@exempel.se');
    expect(normalizeEmail('a\u030Asa@example.com')).toBe('åsa@example.com');
  });
  it.each(['plain', 'a@b', '@example.com', 'two words@example.com'])('rejects %j', (email) => {
    expect(isPlausibleEmail(normalizeEmail(email))).toBe(false);
  });
});

describe('mobile numbers', () => {
  it('turns Swedish mobile numbers into E.164', () => {
    expect(normalizePhone('070-174 00 01')).toBe('+46701740001');
    expect(normalizePhone('+46 70 174 00 01')).toBe('+46701740001');
  });
  it('rejects what is not a valid mobile number', () => {
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('08-123 456 78')).toBeNull();
  });
});

describe('device labels', () => {
  it('names browser and system', () => {
    const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    expect(deviceLabel(ua)).toBe('Chrome 131 on Windows 10');
    expect(deviceLabel(null, 'okänd enhet')).toBe('okänd enhet');
  });
});
