import { secondsUntil } from '../../core/clock.ts';
import { AppError } from '../../core/app-error.ts';
import type { IdentityDeps, RequestContext } from './identity.types.ts';
import { hitWindow } from './rate-limit.store.ts';

/** Per-IP and global limits on every signed-out request about an account (SPEC §3.7: slow credential stuffing). */
export function createSignedOutLimits(deps: IdentityDeps) {
  const { auth } = deps.config;
  return {
    async enforce(ctx: RequestContext, now: Date): Promise<void> {
      for (const [key, limit] of [
        [`login-ip:${ctx.ip}`, auth.loginRateLimitPerIp],
        ['login-global', auth.loginRateLimitGlobal],
      ] as const) {
        const { hits, windowEnds } = await hitWindow(deps.db, key, now, auth.loginRateLimitWindowSeconds);
        if (hits > limit) throw new AppError('rate_limited', { retryAfterSeconds: secondsUntil(windowEnds, now) });
      }
    },
  };
}

export type SignedOutLimits = ReturnType<typeof createSignedOutLimits>;
