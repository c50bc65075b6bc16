import { AppError } from '../../core/app-error.ts';
import { newId } from '../../core/tokens.ts';
import { findAccountByEmail, insertAccount } from './accounts.store.ts';
import { isPlausibleEmail, normalizeEmail } from './email.rules.ts';
import type { Account } from './identity.tables.ts';
import type { IdentityDeps } from './identity.types.ts';
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
    async create(input: NewAccount): Promise<Account> {
      const now = deps.clock.now();
      const email = normalizeEmail(input.email);
      if (!isPlausibleEmail(email)) throw new AppError('invalid_email');
      const phone = input.phone ? normalizePhone(input.phone) : null;
      if (input.phone && !phone) throw new AppError('invalid_phone');
      let passwordHash: string | null = null;
      if (input.password !== undefined) {
        const broken = checkPasswordPolicy(input.password, { name: input.name, email });
        if (broken) throw new AppError(broken);
        passwordHash = await deps.hasher.hash(input.password);
      }
      if (await findAccountByEmail(deps.db, email)) throw new AppError('email_taken');
      return insertAccount(deps.db, {
        id: newId(),
        email,
        name: input.name.trim(),
        phone,
        phoneVerifiedAt: phone && input.verified ? now : null,
        emailVerifiedAt: input.verified ? now : null,
        language: input.language ?? 'sv',
        passwordHash,
        status: passwordHash ? 'active' : 'pending_activation',
        twoFactorEnabled: true,
        createdAt: now,
        updatedAt: now,
      });
    },
    findByEmail: (email: string) => findAccountByEmail(deps.db, normalizeEmail(email)),
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
