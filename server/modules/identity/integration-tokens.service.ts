import { AppError } from '../../core/app-error.ts';
import { hashToken, newId, newToken } from '../../core/tokens.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import type { TokenScope } from './identity.tables.ts';
import type { Actor, IdentityDeps, RequestContext, SessionActor } from './identity.types.ts';
import { findLiveIntegrationToken, insertIntegrationToken, listLiveIntegrationTokens, revokeIntegrationToken, touchIntegrationToken } from './integration-tokens.store.ts';
import type { Notices } from './notices.service.ts';
import { overLimit, rateLimitedError, windowHits } from './rate-limit.rules.ts';
import { hitWindows } from './rate-limit.store.ts';

/** Recognisable prefix, so secret scanners and people can tell an integration token apart. */
export const INTEGRATION_TOKEN_PREFIX = 'pvt_';
const TOUCH_GAP_MS = 60_000;
const RATE_WINDOW_SECONDS = 60;

/** Named, scoped, revocable tokens for home-automation tools (SPEC §3.13). */
export function createIntegrationTokens(deps: IdentityDeps, notices: Notices) {
  const { auth } = deps.config;
  const db = deps.db;

  return {
    isIntegrationToken: (bearer: string) => bearer.startsWith(INTEGRATION_TOKEN_PREFIX),

    /**
     * Resolve a token to its account, within the account's API rate limit (shared by all its
     * tokens, counted in PostgreSQL so every server process sees the same count).
     */
    async authenticate(bearer: string): Promise<Actor | undefined> {
      const now = deps.clock.now();
      const found = await findLiveIntegrationToken(db, hashToken(bearer));
      if (!found || found.account.status !== 'active') return undefined;
      const windows = windowHits(new Map([[`api-token:${found.account.id}`, auth.apiTokenRateLimitPerMinute]]), now, RATE_WINDOW_SECONDS);
      if (overLimit(await hitWindows(db, windows), windows)) throw rateLimitedError(windows, now);
      await touchIntegrationToken(db, found.token.id, now, TOUCH_GAP_MS);
      return { account: found.account, session: null, integrationToken: { id: found.token.id, scope: found.token.scope } };
    },

    async list(actor: SessionActor) {
      const rows = await listLiveIntegrationTokens(db, actor.account.id);
      return rows.map((t) => ({ id: t.id, name: t.name, scope: t.scope, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null }));
    },

    /** The token is in this answer only; afterwards only its hash exists. The owner is told. */
    async create(actor: SessionActor, input: { name: string; scope: TokenScope }, ctx: RequestContext) {
      const now = deps.clock.now();
      const token = INTEGRATION_TOKEN_PREFIX + newToken();
      const id = newId();
      const { name } = input;
      await db.transaction(async (tx) => {
        await insertIntegrationToken(tx, { id, accountId: actor.account.id, name, scope: input.scope, tokenHash: hashToken(token), createdAt: now });
        await recordSecurityEvent(tx, {
          accountId: actor.account.id,
          kind: 'integration_token_created',
          at: now,
          ip: ctx.ip,
          userAgent: ctx.userAgent,
          details: { tokenId: id, name, scope: input.scope },
        });
        await notices.email(tx, actor.account, 'integration_token_created', { tokenName: name, scope: input.scope, when: notices.when(now) });
      });
      return { id, name, scope: input.scope, token, createdAt: now.toISOString(), lastUsedAt: null };
    },

    async revoke(actor: SessionActor, id: string, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        if (!(await revokeIntegrationToken(tx, actor.account.id, id, now))) throw new AppError('not_found');
        await recordSecurityEvent(tx, { accountId: actor.account.id, kind: 'integration_token_revoked', at: now, ip: ctx.ip, userAgent: ctx.userAgent, details: { tokenId: id } });
      });
    },
  };
}

export type IntegrationTokens = ReturnType<typeof createIntegrationTokens>;
