import { addSeconds } from '../../core/clock.ts';
import { AppError } from '../../core/app-error.ts';
import { hashToken, newToken } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import type { AccountLink, LinkPurpose } from './identity.tables.ts';
import type { IdentityDeps } from './identity.types.ts';
import { consumeLink, findLiveLink, insertLink, voidLinks } from './links.store.ts';

/**
 * Single-use links sent by e-mail or SMS. Only the token's hash is stored; a new link of a kind
 * voids the earlier ones; unknown, used and expired links all answer `link_invalid`.
 */
export function createLinks(deps: IdentityDeps) {
  return {
    /** Create a link in the caller's transaction; returns the token to put in the message. */
    async issue(tx: Executor, accountId: string, purpose: LinkPurpose, ttlSeconds: number, now: Date, payload: Record<string, string> = {}): Promise<string> {
      const token = newToken();
      await voidLinks(tx, accountId, purpose, now);
      await insertLink(tx, { tokenHash: hashToken(token), accountId, purpose, payload, createdAt: now, expiresAt: addSeconds(now, ttlSeconds) });
      return token;
    },

    /** Look at a live link without using it, to check the rest of the input first. */
    async peek(token: string, purpose: LinkPurpose, now: Date): Promise<AccountLink> {
      const link = await findLiveLink(deps.db, hashToken(token), purpose, now);
      if (!link) throw new AppError('link_invalid');
      return link;
    },

    /** Use the link, in the transaction that acts on it. */
    async consume(tx: Executor, token: string, purpose: LinkPurpose, now: Date): Promise<AccountLink> {
      const link = await consumeLink(tx, hashToken(token), purpose, now);
      if (!link) throw new AppError('link_invalid');
      return link;
    },
  };
}

export type Links = ReturnType<typeof createLinks>;
