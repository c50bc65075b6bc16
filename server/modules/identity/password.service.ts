import { AppError } from '../../core/app-error.ts';
import type { Executor } from '../../db/database.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import { findAccountByEmail, findAccountById, updateAccount } from './accounts.store.ts';
import { revokeAllDevices } from './devices.store.ts';
import { normalizeEmail } from './email.rules.ts';
import { revokeAllIntegrationTokens } from './integration-tokens.store.ts';
import type { Account } from './identity.tables.ts';
import type { IdentityDeps, RequestContext, SessionActor } from './identity.types.ts';
import type { Links } from './links.service.ts';
import type { Lockout } from './lockout.service.ts';
import type { Notices } from './notices.service.ts';
import { checkPasswordPolicy } from './password.rules.ts';
import { revokeAccountSessions } from './sessions.store.ts';
import type { SignedOutLimits } from './signed-out-limits.service.ts';
import { withUniformTiming } from './uniform-timing.ts';

export interface PasswordParts {
  links: Links;
  lockout: Lockout;
  notices: Notices;
  limits: SignedOutLimits;
}

/** Forgot password (SPEC §3.10) and change of password (§3.9). */
export function createPasswords(deps: IdentityDeps, parts: PasswordParts) {
  const { links, lockout, notices, limits } = parts;
  const { auth } = deps.config;
  const db = deps.db;

  async function acceptablePasswordHash(account: Account, password: string, field: 'password' | 'newPassword'): Promise<string> {
    const broken = checkPasswordPolicy(password, account);
    if (broken) throw new AppError(broken, { field });
    return deps.hasher.hash(password);
  }

  /**
   * Every way back into the account is closed except `keepSessionId` (and the integration tokens
   * when the user chose to keep them), and the owner is told. Answers how many tokens were ended.
   */
  async function afterPasswordChange(tx: Executor, account: Account, now: Date, keep: { sessionId?: string; integrationTokens?: boolean } = {}): Promise<number> {
    await revokeAccountSessions(tx, account.id, now, keep.sessionId);
    await revokeAllDevices(tx, account.id, now);
    const tokensEnded = keep.integrationTokens ? 0 : await revokeAllIntegrationTokens(tx, account.id, now);
    await notices.email(tx, account, 'password_changed', { when: notices.when(now) });
    return tokensEnded;
  }

  return {
    /** The same answer and timing whether or not the address has an account; works while locked. */
    async requestReset(email: string, ctx: RequestContext): Promise<void> {
      await limits.enforce(ctx, deps.clock.now());
      await withUniformTiming(async () => {
        const account = await findAccountByEmail(db, normalizeEmail(email));
        if (!account || account.status === 'closed') return;
        const now = deps.clock.now();
        await db.transaction(async (tx) => {
          const token = await links.issue(tx, account.id, 'password_reset', auth.passwordResetLinkSeconds, now);
          await notices.email(tx, account, 'password_reset', { link: notices.link('reset-password', token), minutes: Math.round(auth.passwordResetLinkSeconds / 60) });
          await recordSecurityEvent(tx, { accountId: account.id, kind: 'password_reset_requested', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
        });
      });
    },

    /**
     * A new password through the link: lifts a lockout, signs out every session and trusted
     * device, ends every integration token (an attacker's among them), and proves the address (so it also activates a pending account). The next
     * sign-in still asks for the second factor.
     */
    async reset(token: string, password: string, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      const link = await links.peek(token, 'password_reset', now);
      const account = await findAccountById(db, link.accountId);
      if (!account || account.status === 'closed') throw new AppError('link_invalid');
      const passwordHash = await acceptablePasswordHash(account, password, 'password');
      await db.transaction(async (tx) => {
        await links.consume(tx, token, 'password_reset', now);
        const updated = await updateAccount(tx, account.id, { passwordHash, status: 'active', emailVerifiedAt: account.emailVerifiedAt ?? now }, now);
        await lockout.succeeded(tx, lockout.emailKey(account.email), now);
        await afterPasswordChange(tx, updated, now);
        await recordSecurityEvent(tx, { accountId: account.id, kind: 'password_reset', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      });
    },

    /** Change with the current password (and a step-up); other sessions are signed out. Answers how many integration tokens were ended. */
    async change(actor: SessionActor, input: { currentPassword: string; newPassword: string; endIntegrationTokens: boolean }, ctx: RequestContext): Promise<number> {
      const { currentPassword, newPassword } = input;
      const passwordHash = await acceptablePasswordHash(actor.account, newPassword, 'newPassword');
      let tokensEnded = 0;
      await lockout.attempt(
        actor.account,
        ctx,
        { code: 'wrong_password', field: 'currentPassword' },
        () => deps.hasher.verify(actor.account.passwordHash, currentPassword),
        async (tx, now) => {
          const updated = await updateAccount(tx, actor.account.id, { passwordHash }, now);
          tokensEnded = await afterPasswordChange(tx, updated, now, { sessionId: actor.session.id, integrationTokens: !input.endIntegrationTokens });
          await recordSecurityEvent(tx, { accountId: actor.account.id, kind: 'password_changed', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
        },
      );
      return tokensEnded;
    },
  };
}

export type Passwords = ReturnType<typeof createPasswords>;
