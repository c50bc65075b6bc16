import { addSeconds } from '../../core/clock.ts';
import { AppError } from '../../core/app-error.ts';
import { hashToken, keyedHash, newId, newToken } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import type { SecondFactor, Session } from './identity.tables.ts';
import type { Actor, ClientKind, IdentityDeps, IssuedSession, RequestContext, SessionActor } from './identity.types.ts';
import {
  listLiveSessions,
  revokeAccountSession,
  revokeAccountSessions,
  consumeRefreshToken,
  findSessionWithAccount,
  findUsedRefreshToken,
  insertRefreshToken,
  insertSession,
  revokeSession,
  rotateAccessToken,
  touchSession,
} from './sessions.store.ts';

/** Writes of last-seen are skipped within this gap: the idle timeout needs no finer grain. */
const TOUCH_GAP_MS = 60_000;

export function createSessions(deps: IdentityDeps) {
  const { auth } = deps.config;

  return {
    /** Start a session in the caller's transaction (the sign-in that earned it commits with it). */
    async start(tx: Executor, accountId: string, client: ClientKind, secondFactor: SecondFactor, ctx: RequestContext): Promise<IssuedSession> {
      const now = deps.clock.now();
      const token = newToken();
      const sessionId = newId();
      const lifetime = client === 'web' ? auth.sessionIdleSeconds : auth.accessTokenSeconds;
      await insertSession(tx, {
        id: sessionId,
        accountId,
        client,
        tokenHash: hashToken(token),
        tokenExpiresAt: addSeconds(now, lifetime),
        absoluteExpiresAt: addSeconds(now, client === 'web' ? auth.sessionAbsoluteSeconds : auth.refreshTokenSeconds),
        secondFactor,
        // Completing the second factor is itself a fresh check (SPEC §3.9), a trusted device is not.
        stepUpAt: secondFactor === 'trusted_device' ? null : now,
        createdAt: now,
        lastSeenAt: now,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      if (client === 'web') return { sessionId, token, expiresInSeconds: lifetime };
      const refreshToken = newToken();
      await insertRefreshToken(tx, { tokenHash: hashToken(refreshToken), sessionId, expiresAt: addSeconds(now, auth.refreshTokenSeconds) });
      return { sessionId, token, refreshToken, expiresInSeconds: lifetime };
    },

    /** Resolve a cookie or bearer token to the signed-in account; undefined when not valid now. */
    async authenticate(token: string, client: ClientKind): Promise<Actor | undefined> {
      const now = deps.clock.now();
      const found = await findSessionWithAccount(deps.db, hashToken(token));
      if (!found) return undefined;
      const { session, account } = found;
      if (session.client !== client || session.revokedAt || session.tokenExpiresAt <= now || session.absoluteExpiresAt <= now || account.status !== 'active') {
        return undefined;
      }
      if (client === 'web' && now.getTime() - session.lastSeenAt.getTime() > TOUCH_GAP_MS) {
        const slid = addSeconds(now, auth.sessionIdleSeconds);
        await touchSession(deps.db, session.id, now, slid < session.absoluteExpiresAt ? slid : session.absoluteExpiresAt, TOUCH_GAP_MS);
      }
      return { ...found, integrationToken: null };
    },

    /** Per-session CSRF token: derived, so nothing extra is stored or looked up. */
    csrfTokenFor(sessionToken: string): string {
      return keyedHash(deps.config.secretKey, `csrf:${hashToken(sessionToken)}`);
    },

    /** Rotate an app refresh token; a second use of one revokes the whole session (theft). */
    async refresh(refreshToken: string, ctx: RequestContext): Promise<IssuedSession> {
      const now = deps.clock.now();
      const presented = hashToken(refreshToken);
      const rotated = await deps.db.transaction(async (tx) => {
        const sessionId = await consumeRefreshToken(tx, presented, now);
        if (!sessionId) return undefined;
        const token = newToken();
        const next = newToken();
        const refreshExpires = addSeconds(now, auth.refreshTokenSeconds);
        const live = await rotateAccessToken(tx, sessionId, hashToken(token), addSeconds(now, auth.accessTokenSeconds), refreshExpires, now);
        if (!live) return undefined;
        await insertRefreshToken(tx, { tokenHash: hashToken(next), sessionId, expiresAt: refreshExpires });
        return { sessionId, token, refreshToken: next, expiresInSeconds: auth.accessTokenSeconds };
      });
      if (rotated) return rotated;
      // Committed on its own: the refusal below must not roll the revocation back.
      const reused = await findUsedRefreshToken(deps.db, presented);
      if (reused) {
        await deps.db.transaction(async (tx) => {
          const accountId = await revokeSession(tx, reused.sessionId, now);
          await recordSecurityEvent(tx, {
            accountId: accountId ?? null,
            kind: 'refresh_token_reused',
            at: now,
            ip: ctx.ip,
            userAgent: ctx.userAgent,
            details: { sessionId: reused.sessionId },
          });
        });
      }
      throw new AppError('invalid_refresh_token');
    },

    /**
     * Sensitive changes (SPEC §3.9) need a code or password within the last few minutes; a
     * session that skipped the code on a trusted device has no step-up until it does one.
     */
    requireStepUp(actor: Actor): void {
      // Integration tokens never pass: they have no session and cannot do a step-up.
      const at = actor.session?.stepUpAt;
      if (!at || deps.clock.now().getTime() - at.getTime() > auth.stepUpSeconds * 1000) {
        throw new AppError('step_up_required');
      }
    },

    /** The account's sessions that still work, for "signed in on these devices". */
    async list(actor: SessionActor) {
      const now = deps.clock.now();
      const rows = await listLiveSessions(deps.db, actor.account.id, now);
      // A web session past its idle timeout is over; an app session whose access token lapsed
      // lives on through its refresh token.
      return rows.filter((s) => s.tokenExpiresAt > now || s.client === 'app').map((s) => ({ session: s, current: s.id === actor.session.id }));
    },

    /** Sign out one of the account's sessions; it stops working at once. */
    async revoke(actor: SessionActor, sessionId: string, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        if (!(await revokeAccountSession(tx, actor.account.id, sessionId, now))) throw new AppError('not_found');
        await recordSecurityEvent(tx, { accountId: actor.account.id, kind: 'session_revoked', at: now, ip: ctx.ip, userAgent: ctx.userAgent, details: { sessionId } });
      });
    },

    /** "Sign out everywhere else": every session but the caller's. */
    async revokeOthers(actor: SessionActor, ctx: RequestContext): Promise<number> {
      const now = deps.clock.now();
      return deps.db.transaction(async (tx) => {
        const count = await revokeAccountSessions(tx, actor.account.id, now, actor.session.id);
        await recordSecurityEvent(tx, { accountId: actor.account.id, kind: 'session_revoked', at: now, ip: ctx.ip, userAgent: ctx.userAgent, details: { others: count } });
        return count;
      });
    },

    async signOut(session: Session, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        await revokeSession(tx, session.id, now);
        await recordSecurityEvent(tx, { accountId: session.accountId, kind: 'sign_out', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      });
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
