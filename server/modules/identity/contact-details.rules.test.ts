import { describe, expect, it } from 'vitest';
import { isPlausibleEmail, normalizeEmail } from './email.rules.ts';
import { normalizePhone, smsDestinationAllowed } from './phone.rules.ts';
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
  it.each(['0701740001', '070 174 00 01', '(070) 174 00 01', '+46 (0)70-174 00 01', '0046 70 174 00 01', '+46-70-174-00-01'])('accepts the common format %s', (input) =>
    expect(normalizePhone(input)).toBe('+46701740001'),
  );
  it('rejects what is not a valid mobile number', () => {
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('08-123 456 78')).toBeNull();
  });
});

describe('device labels', () => {
  it("names browser and system in the account's language", () => {
    const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    expect(deviceLabel(ua, 'sv')).toBe('Chrome på Linux');
    expect(deviceLabel(ua, 'en')).toBe('Chrome on Linux');
  });
  it('uses the names people know', () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';
    const mac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15';
    const headless = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36';
    expect(deviceLabel(iphone, 'sv')).toBe('Safari på iOS');
    expect(deviceLabel(mac, 'en')).toBe('Safari on macOS');
    expect(deviceLabel(headless, 'en')).toBe('Chrome on Linux');
  });
  it('says when the device is unknown', () => expect(deviceLabel(null, 'sv')).toBe('Okänd enhet'));
});

describe('destinations of SMS to unverified numbers', () => {
  const nordic = new Set(['SE', 'NO', 'DK', 'FI', 'IS']);
  it.each(['+46701234567', '+4740612345', '+4534412345', '+358412345678', '+3546111234'])('allows %s in the Nordic countries', (phone) => {
    expect(smsDestinationAllowed(phone, nordic)).toBe(true);
  });
  it.each(['+447400123456', '+4915123456789', '+25271123456', '+8613123456789', '+12015550123', '+61412345678', '+33612345678', '+88212345678'])(
    'refuses %s outside them, or of no country',
    (phone) => {
      expect(smsDestinationAllowed(phone, nordic)).toBe(false);
    },
  );
  it('follows the setting', () => {
    expect(smsDestinationAllowed('+447400123456', new Set(['GB']))).toBe(true);
    expect(smsDestinationAllowed('+46701234567', new Set())).toBe(false);
  });
});
