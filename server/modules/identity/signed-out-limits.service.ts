import type { IdentityDeps, RequestContext } from './identity.types.ts';
import { overLimit, rateLimitedError, windowHits, type WindowHits } from './rate-limit.rules.ts';
import { hitWindows } from './rate-limit.store.ts';

/** Per-IP and global limits on every signed-out request about an account (SPEC §3.7: slow credential stuffing). */
export function createSignedOutLimits(deps: IdentityDeps) {
  const { auth } = deps.config;

  /** The windows this request counts in: its IP address's and everybody's. */
  function windowsFor(ctx: RequestContext, now: Date): WindowHits {
    const limits = new Map([
      [`login-ip:${ctx.ip}`, auth.loginRateLimitPerIp],
      ['login-global', auth.loginRateLimitGlobal],
    ]);
    return windowHits(limits, now, auth.loginRateLimitWindowSeconds);
  }

  return {
    windowsFor,
    async enforce(ctx: RequestContext, now: Date): Promise<void> {
      const windows = windowsFor(ctx, now);
      // Both windows count in one statement: one round trip on the hottest signed-out paths.
      if (overLimit(await hitWindows(deps.db, windows), windows)) throw rateLimitedError(windows, now);
    },
  };
}

export type SignedOutLimits = ReturnType<typeof createSignedOutLimits>;
