import { AppError } from '../../core/app-error.ts';
import { newId } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import { listSecurityEvents, recordSecurityEvent } from '../audit/index.ts';
import { findAccountByEmail, insertAccount, updateAccount } from './accounts.store.ts';
import { deviceLabel } from './device-label.rules.ts';
import { isPlausibleEmail, normalizeEmail } from './email.rules.ts';
import type { Account } from './identity.tables.ts';
import type { Actor, IdentityDeps, RequestContext } from './identity.types.ts';
import { checkPasswordPolicy } from './password.rules.ts';
import { normalizePhone } from './phone.rules.ts';

export interface NewAccount {
  email: string;
  name: string;
  phone?: string | null;
  language?: 'sv' | 'en';
  /** Omitted for accounts created at installation: the owner sets it through activation. */
  password?: string;
  /** Operators and demo data vouch for the contact details; self-registration does not. */
  verified?: boolean;
}

export function createAccounts(deps: IdentityDeps) {
  return {
    /** Create an account in the caller's transaction (or on its own); active once it has a password. */
    async create(input: NewAccount, executor: Executor = deps.db): Promise<Account> {
      const now = deps.clock.now();
      const email = normalizeEmail(input.email);
      if (!isPlausibleEmail(email)) throw new AppError('invalid_email', { field: 'email' });
      const phone = input.phone ? normalizePhone(input.phone) : null;
      if (input.phone && !phone) throw new AppError('invalid_phone', { field: 'phone' });
      let passwordHash: string | null = null;
      if (input.password !== undefined) {
        const broken = checkPasswordPolicy(input.password, { name: input.name, email });
        if (broken) throw new AppError(broken, { field: 'password' });
        passwordHash = await deps.hasher.hash(input.password);
      }
      if (await findAccountByEmail(executor, email)) throw new AppError('email_taken', { field: 'email' });
      const account = await insertAccount(executor, {
        id: newId(),
        email,
        name: input.name.trim(),
        phone,
        phoneVerifiedAt: phone && input.verified ? now : null,
        emailVerifiedAt: input.verified ? now : null,
        language: input.language ?? 'sv',
        passwordHash,
        status: passwordHash && input.verified ? 'active' : 'pending_activation',
        twoFactorEnabled: true,
        createdAt: now,
        updatedAt: now,
      });
      await recordSecurityEvent(executor, { accountId: account.id, kind: 'account_created', at: now, details: { verified: !!input.verified } });
      return account;
    },

    findByEmail: (email: string) => findAccountByEmail(deps.db, normalizeEmail(email)),

    /** Name and language: not sensitive (SPEC §3.9), so no step-up. */
    async updateProfile(actor: Actor, input: { name?: string; language?: 'sv' | 'en' }, ctx: RequestContext): Promise<Account> {
      const now = deps.clock.now();
      // The request schema has trimmed the name and refused an empty one.
      const changes = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.language ? { language: input.language } : {}) };
      return deps.db.transaction(async (tx) => {
        const account = await updateAccount(tx, actor.account.id, changes, now);
        await recordSecurityEvent(tx, { accountId: account.id, kind: 'profile_updated', at: now, ip: ctx.ip, userAgent: ctx.userAgent, details: { fields: Object.keys(changes) } });
        return account;
      });
    },

    /** The account's own security events ("recent activity"): sign-ins, lockouts, changes. */
    async recentActivity(actor: Actor, limit: number) {
      const rows = await listSecurityEvents(deps.db, actor.account.id, limit);
      return rows.map((e) => ({ kind: e.kind, at: e.at.toISOString(), ip: e.ip, device: e.userAgent ? deviceLabel(e.userAgent, actor.account.language) : null }));
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
