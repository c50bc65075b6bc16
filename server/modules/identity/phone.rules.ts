import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A mobile number in E.164, or null when it is not a valid number (Swedish numbers need no +46). */
export function normalizePhone(input: string, defaultCountry: 'SE' = 'SE'): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) return null;
  const type = parsed.getType();
  if (type && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return parsed.number;
}

/**
 * Whether an SMS may go to a number not yet verified: only to the countries allowed (an E.164
 * number's country by libphonenumber; a number of no country, e.g. +882, never). Expensive
 * foreign destinations are what SMS pumping sends to (ADR 52).
 */
export function smsDestinationAllowed(e164: string, allowedCountries: ReadonlySet<string>): boolean {
  const country = parsePhoneNumberFromString(e164)?.country;
  return !!country && allowedCountries.has(country);
}
