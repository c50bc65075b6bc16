import { secondsUntil } from '../../core/clock.ts';
import { AppError } from '../../core/app-error.ts';
import type { IdentityDeps, RequestContext } from './identity.types.ts';
import { hitWindows } from './rate-limit.store.ts';

/** Per-IP and global limits on every signed-out request about an account (SPEC §3.7: slow credential stuffing). */
export function createSignedOutLimits(deps: IdentityDeps) {
  const { auth } = deps.config;
  return {
    async enforce(ctx: RequestContext, now: Date): Promise<void> {
      const limits = new Map([
        [`login-ip:${ctx.ip}`, auth.loginRateLimitPerIp],
        ['login-global', auth.loginRateLimitGlobal],
      ]);
      // Both windows count in one statement: one round trip on the hottest signed-out paths.
      const { hits, windowEnds } = await hitWindows(deps.db, [...limits.keys()], now, auth.loginRateLimitWindowSeconds);
      for (const [key, limit] of limits) {
        if (hits.get(key)! > limit) throw new AppError('rate_limited', { retryAfterSeconds: secondsUntil(windowEnds, now) });
      }
    },
  };
}

export type SignedOutLimits = ReturnType<typeof createSignedOutLimits>;
