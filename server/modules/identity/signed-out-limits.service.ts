import type { IdentityDeps, RequestContext } from './identity.types.ts';
import { ipLimitSubject, overLimit, rateLimitedError, windowHits, type WindowHits } from './rate-limit.rules.ts';
import { hitWindows } from './rate-limit.store.ts';

const GLOBAL_KEY = 'login-global';

/**
 * Per-IP and global limits on every signed-out request about an account (SPEC §3.7: slow
 * credential stuffing). The per-IP limit refuses; the global figure is a brake on unrecognised
 * requests only (ADR 51), so an attack from many addresses cannot switch sign-in off for everyone.
 */
export function createSignedOutLimits(deps: IdentityDeps) {
  const { auth } = deps.config;

  const ipLimit = (ctx: RequestContext): [string, number] => [`login-ip:${ipLimitSubject(ctx.ip)}`, auth.loginRateLimitPerIp];

  /** The windows a request counts in: its IP address's (IPv6 by /64) and, as a brake, everybody's. */
  function windowsFor(ctx: RequestContext, now: Date): WindowHits {
    const limits = new Map([ipLimit(ctx), [GLOBAL_KEY, auth.loginRateLimitGlobal]]);
    return windowHits(limits, now, auth.loginRateLimitWindowSeconds, new Set([GLOBAL_KEY]));
  }

  async function enforceWindows(windows: WindowHits, now: Date): Promise<void> {
    // All windows count in one statement: one round trip on the hottest signed-out paths.
    if (overLimit(await hitWindows(deps.db, windows), windows)) throw rateLimitedError(windows, now);
  }

  return {
    windowsFor,
    /** A signed-out request that starts something (a reset, an activation link): per IP and the global brake. */
    enforce: (ctx: RequestContext, now: Date) => enforceWindows(windowsFor(ctx, now), now),
    /**
     * A step of a sign-in already past its password (code, resend, passkey): per IP only. The
     * flow is the proof of a correct password, so the global figure neither counts nor refuses it.
     */
    enforceInFlow: (ctx: RequestContext, now: Date) => enforceWindows(windowHits(new Map([ipLimit(ctx)]), now, auth.loginRateLimitWindowSeconds), now),
    /** Whether an address signed in successfully since this moment, and so passes the brake. */
    recognisedSince: (now: Date) => new Date(now.getTime() - auth.loginKnownAddressSeconds * 1000),
  };
}

export type SignedOutLimits = ReturnType<typeof createSignedOutLimits>;
