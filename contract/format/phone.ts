import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number as readers in Sweden expect it: Swedish numbers in the national form
 * ("070-123 45 67", "0771-00 00 00"), others in the international form ("+47 41 23 45 67").
 * Text that is not a phone number is returned as it is.
 */
export function formatPhone(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone.trim(), 'SE');
  if (!parsed) return phone;
  if (parsed.country !== 'SE') return parsed.formatInternational();
  // Nationwide service numbers keep their four-digit prefix ("0771-00 00 00"); the library groups them as 077-….
  const serviceNumber = /^(77\d)(\d{2})(\d{2})(\d{2})$/.exec(parsed.nationalNumber);
  return serviceNumber ? `0${serviceNumber[1]}-${serviceNumber.slice(2).join(' ')}` : parsed.formatNational();
}

/** The number to dial, for `tel:` links: E.164 when it parses, else its digits. */
export function dialablePhone(phone: string): string {
  return parsePhoneNumberFromString(phone.trim(), 'SE')?.number ?? phone.replace(/[^\d+]/g, '');
}
