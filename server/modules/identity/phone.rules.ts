import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A mobile number in E.164, or null when it is not a valid number (Swedish numbers need no +46). */
export function normalizePhone(input: string, defaultCountry: 'SE' = 'SE'): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) return null;
  const type = parsed.getType();
  if (type && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return parsed.number;
}
