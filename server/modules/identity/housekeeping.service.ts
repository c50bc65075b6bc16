import type { IdentityDeps } from './identity.types.ts';
import { deleteFlowsExpiredBefore } from './flows.store.ts';
import { deleteLinksExpiredBefore } from './links.store.ts';
import { deleteChallengesExpiredBefore } from './passkeys.store.ts';
import { deleteWindowsBefore } from './rate-limit.store.ts';
import { deleteIdleThrottles } from './throttle.store.ts';

const DAY_MS = 86_400_000;

/**
 * Removes sign-in state that can no longer change any decision: finished rate-limit windows,
 * expired sign-in flows, links and passkey challenges, and lockout counters idle for a day. Safe to run on any node, any time.
 */
export function createHousekeeping(deps: IdentityDeps) {
  return {
    async purgeExpired(): Promise<void> {
      const dayAgo = new Date(deps.clock.now().getTime() - DAY_MS);
      await deleteWindowsBefore(deps.db, dayAgo);
      await deleteFlowsExpiredBefore(deps.db, dayAgo);
      await deleteIdleThrottles(deps.db, dayAgo);
      await deleteLinksExpiredBefore(deps.db, dayAgo);
      await deleteChallengesExpiredBefore(deps.db, dayAgo);
    },
  };
}
