import { HOTP, Secret, TOTP } from 'otpauth';
import { safeEqual } from '../../core/tokens.ts';
import { normaliseCodeInput } from '../verification/index.ts';

/** RFC 6238 defaults that every authenticator app understands. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side absorbs clock drift between the phone and the server. */
const DRIFT_STEPS = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans as a QR code. */
export function totpUri(secretBase32: string, accountLabel: string, issuer: string): string {
  return new TOTP({ issuer, label: accountLabel, secret: Secret.fromBase32(secretBase32), digits: DIGITS, period: PERIOD_SECONDS }).toString();
}

/** The code an app shows at `now` (tests use it to act as the phone). */
export function totpCodeAt(secretBase32: string, now: Date): string {
  return HOTP.generate({ secret: Secret.fromBase32(secretBase32), counter: Math.floor(now.getTime() / 1000 / PERIOD_SECONDS), digits: DIGITS });
}

/**
 * The time step a code belongs to, or null when it matches none near `now`. Every candidate is
 * compared in constant time; the caller refuses steps at or before the last one used (replay).
 */
export function matchTotp(secretBase32: string, input: string, now: Date): number | null {
  const code = normaliseCodeInput(input);
  const secret = Secret.fromBase32(secretBase32);
  const current = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
  let matched: number | null = null;
  for (let counter = current - DRIFT_STEPS; counter <= current + DRIFT_STEPS; counter++) {
    if (safeEqual(HOTP.generate({ secret, counter, digits: DIGITS }), code) && matched === null) matched = counter;
  }
  return matched;
}
