import { keyedHash, newNumericCode, safeEqual } from '../../core/tokens.ts';

export const CODE_DIGITS = 6;

/** A fresh one-time code and the keyed hash that is the only thing stored. */
export function issueCode(secretKey: string, purpose: string): { code: string; hash: string } {
  const code = newNumericCode(CODE_DIGITS);
  return { code, hash: hashCode(secretKey, purpose, code) };
}

/** The purpose is part of the hash so a code issued for one flow cannot serve another kind. */
export function hashCode(secretKey: string, purpose: string, code: string): string {
  return keyedHash(secretKey, `code:${purpose}:${code}`);
}

/** Users type codes with spaces or dashes ("123 456"); anything else is simply wrong. */
export function normaliseCodeInput(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function codeMatches(secretKey: string, purpose: string, input: string, storedHash: string | null): boolean {
  const candidate = hashCode(secretKey, purpose, normaliseCodeInput(input));
  // Compare even when nothing is stored so both paths cost the same.
  return safeEqual(candidate, storedHash ?? '') && storedHash !== null;
}
