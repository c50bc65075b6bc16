import { createHash, createHmac, randomInt, timingSafeEqual, randomUUID } from 'node:crypto';
import { secureRandomBytes } from './random.ts';

/** A random secret for cookies, links and API tokens: 32 bytes, base64url. */
export function newToken(): string {
  return secureRandomBytes(32).toString('base64url');
}

/** Database ids. UUIDs so nothing about volume or order leaks through them. */
export function newId(): string {
  return randomUUID();
}

/** A numeric one-time code with a uniform distribution, e.g. "042917". */
export function newNumericCode(digits = 6): string {
  return randomInt(0, 10 ** digits)
    .toString()
    .padStart(digits, '0');
}

/** SHA-256 of a high-entropy token; enough because the token itself is unguessable. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Keyed hash for low-entropy secrets (6-digit codes, e-mail keys): useless without the server key. */
export function keyedHash(key: string, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

/** Constant-time equality of two strings (compares their SHA-256 digests, so lengths may differ). */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}
