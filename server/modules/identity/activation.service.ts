import { AppError } from '../../core/app-error.ts';
import type { Executor } from '../../db/database.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import type { Accounts, NewAccount } from './accounts.service.ts';
import { findAccountByEmail, findAccountById, updateAccount } from './accounts.store.ts';
import type { CodeDelivery } from './code-delivery.service.ts';
import { isPlausibleEmail, normalizeEmail } from './email.rules.ts';
import type { Account } from './identity.tables.ts';
import type { IdentityDeps, RequestContext } from './identity.types.ts';
import type { Links } from './links.service.ts';
import type { Notices } from './notices.service.ts';
import { checkPasswordPolicy } from './password.rules.ts';
import type { SignedOutLimits } from './signed-out-limits.service.ts';
import { withUniformTiming } from './uniform-timing.ts';

export interface ActivationParts {
  accounts: Accounts;
  links: Links;
  notices: Notices;
  codes: CodeDelivery;
  limits: SignedOutLimits;
}

/** A provisioned account waits for its owner's password; a self-registered one for its e-mail. */
const awaitsPassword = (account: Account) => account.status === 'pending_activation' && account.passwordHash === null;
const awaitsEmail = (account: Account) => account.status === 'pending_activation' && account.passwordHash !== null;

/**
 * Accounts that are not yet usable (SPEC §3.2): created at installation without a password and
 * activated through a link by e-mail and SMS, or created by the person and confirmed by e-mail.
 */
export function createActivation(deps: IdentityDeps, parts: ActivationParts) {
  const { accounts, links, notices, codes, limits } = parts;
  const { auth } = deps.config;
  const db = deps.db;
  const days = Math.round(auth.activationLinkSeconds / 86400);

  /** A new activation link (voiding older ones) by e-mail, and by SMS while the budget allows. */
  async function sendActivation(tx: Executor, account: Account, now: Date): Promise<void> {
    const token = await links.issue(tx, account.id, 'activation', auth.activationLinkSeconds, now);
    const link = notices.link('activate', token);
    await notices.email(tx, account, 'activation', { link, days });
    if (account.phone && (await codes.reserveSmsToOwnPhone(tx, account, now))) {
      await deps.notifications.enqueue(tx, { channel: 'sms', to: account.phone, language: account.language, template: 'activation', accountId: account.id, vars: { link, days } });
    }
  }

  async function sendVerification(tx: Executor, account: Account, now: Date): Promise<void> {
    const token = await links.issue(tx, account.id, 'verify_email', auth.activationLinkSeconds, now);
    await notices.email(tx, account, 'verify_email', { link: notices.link('verify-email', token), days });
  }

  return {
    /**
     * For provisioning (SPEC §7.4) and the back office: create the owner's account without a
     * password and send the activation link, in the caller's transaction when one is given.
     */
    async createPendingAccount(input: Omit<NewAccount, 'password' | 'verified'>, tx?: Executor): Promise<Account> {
      const run = async (t: Executor) => {
        const account = await accounts.create({ ...input, verified: true }, t);
        await sendActivation(t, account, deps.clock.now());
        return account;
      };
      return tx ? run(tx) : db.transaction(run);
    },

    /** Send a fresh activation link to an account still waiting for its password (back office). */
    async resendActivation(accountId: string): Promise<void> {
      const account = await findAccountById(db, accountId);
      if (!account || !awaitsPassword(account)) throw new AppError('not_found');
      await db.transaction((tx) => sendActivation(tx, account, deps.clock.now()));
    },

    /** Signed out, "my link has expired": the same answer whatever the address. */
    async requestActivationLink(email: string, ctx: RequestContext): Promise<void> {
      await limits.enforce(ctx, deps.clock.now());
      await withUniformTiming(async () => {
        const account = await findAccountByEmail(db, normalizeEmail(email));
        if (!account || account.status !== 'pending_activation') return;
        await db.transaction((tx) => (awaitsPassword(account) ? sendActivation(tx, account, deps.clock.now()) : sendVerification(tx, account, deps.clock.now())));
      });
    },

    /** The owner chooses a password through the link; the account can then sign in (with 2FA). */
    async activate(token: string, password: string, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      const link = await links.peek(token, 'activation', now);
      const account = await findAccountById(db, link.accountId);
      if (!account || !awaitsPassword(account)) throw new AppError('link_invalid');
      const broken = checkPasswordPolicy(password, account);
      if (broken) throw new AppError(broken, { field: 'password' });
      const passwordHash = await deps.hasher.hash(password);
      await db.transaction(async (tx) => {
        await links.consume(tx, token, 'activation', now);
        await updateAccount(tx, account.id, { passwordHash, status: 'active' }, now);
        await recordSecurityEvent(tx, { accountId: account.id, kind: 'account_activated', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      });
    },

    /**
     * Self-registration: the same answer and timing whether or not the address has an account.
     * A new address gets a confirmation link; an unconfirmed registration is replaced (only the
     * address's owner can confirm it); an existing account's owner is told instead.
     */
    async register(input: { email: string; name: string; password: string; language: 'sv' | 'en' }, ctx: RequestContext): Promise<void> {
      await limits.enforce(ctx, deps.clock.now());
      const email = normalizeEmail(input.email);
      if (!isPlausibleEmail(email)) throw new AppError('invalid_email', { field: 'email' });
      const broken = checkPasswordPolicy(input.password, { name: input.name, email });
      if (broken) throw new AppError(broken, { field: 'password' });
      await withUniformTiming(async () => {
        const passwordHash = await deps.hasher.hash(input.password);
        const now = deps.clock.now();
        await db.transaction(async (tx) => {
          const existing = await findAccountByEmail(tx, email);
          if (!existing) {
            const created = await accounts.create({ email, name: input.name, language: input.language, verified: false }, tx);
            await sendVerification(tx, await updateAccount(tx, created.id, { passwordHash }, now), now);
          } else if (awaitsEmail(existing)) {
            const account = await updateAccount(tx, existing.id, { name: input.name.trim(), language: input.language, passwordHash }, now);
            await sendVerification(tx, account, now);
          } else if (awaitsPassword(existing)) {
            await sendActivation(tx, existing, now);
          } else {
            await notices.email(tx, existing, 'registration_exists');
          }
        });
      });
    },

    /** The registration's e-mail link: the account becomes usable. */
    async verifyEmail(token: string, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        const link = await links.consume(tx, token, 'verify_email', now);
        const account = await findAccountById(tx, link.accountId);
        if (!account || !awaitsEmail(account)) throw new AppError('link_invalid');
        await updateAccount(tx, account.id, { status: 'active', emailVerifiedAt: now }, now);
        await recordSecurityEvent(tx, { accountId: account.id, kind: 'email_verified', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      });
    },
  };
}

export type Activation = ReturnType<typeof createActivation>;
