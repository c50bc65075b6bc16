/**
 * The login identifier (SPEC §3.1): trimmed, Unicode NFC, domain lower-cased. The local part
 * keeps its case as RFC 5321 allows, but lookups compare it case-insensitively too because
 * real mail servers do, and two accounts differing only in case would confuse everyone.
 */
export function normalizeEmail(input: string): string {
  const trimmed = input.normalize('NFC').trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed.toLowerCase();
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`.toLowerCase();
}

const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/u;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && EMAIL_SHAPE.test(email);
}
