import { AppError } from '../../core/app-error.ts';
import { decrypt, encrypt } from '../../core/crypto-box.ts';
import { newId } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import { recordSecurityEvent, type SecurityEventKind } from '../audit/index.ts';
import { updateAccount } from './accounts.store.ts';
import type { Account, PreferredSecondFactor } from './identity.tables.ts';
import type { IdentityDeps, RequestContext, SessionActor } from './identity.types.ts';
import type { Notices } from './notices.service.ts';
import type { Passkeys } from './passkeys.service.ts';
import { strongFactorsOf, type StrongFactors } from './second-factors.store.ts';
import { matchTotp, newTotpSecret, totpUri } from './totp.rules.ts';
import { confirmTotp, deleteTotp, deleteUnconfirmedTotp, findTotp, insertTotp, listConfirmedTotp, useTotpStep } from './totp.store.ts';

export type SignInMethod = 'sms' | 'email' | 'totp' | 'passkey';

const ISSUER = 'Mina sidor';

/** Two-step verification settings of SPEC §3.4 and §3.15: authenticator apps beside SMS and e-mail codes. */
export function createTwoFactor(deps: IdentityDeps, notices: Notices, passkeys: Passkeys) {
  const { auth, encryption } = deps.config;
  const db = deps.db;

  async function event(tx: Executor, actor: SessionActor, kind: SecurityEventKind, ctx: RequestContext, now: Date, details = {}) {
    await recordSecurityEvent(tx, { accountId: actor.account.id, kind, at: now, ip: ctx.ip, userAgent: ctx.userAgent, details });
  }

  /**
   * The second factors a sign-in of this account may use; SMS and e-mail codes always stay.
   * `strong` when the caller read it with the account already.
   */
  async function methodsOf(account: Account, strong?: StrongFactors): Promise<SignInMethod[]> {
    const methods: SignInMethod[] = account.phone && account.phoneVerifiedAt ? ['sms', 'email'] : ['email'];
    strong ??= await strongFactorsOf(db, account.id);
    if (strong.totp) methods.push('totp');
    if (strong.passkey) methods.push('passkey');
    return methods;
  }

  return {
    methodsOf,

    /** What a sign-in asks for first: the account's chosen app or passkey while it has one, else a sent code. */
    firstFactor(account: Account, methods: SignInMethod[]): 'totp' | 'passkey' | null {
      const preferred = account.preferredSecondFactor;
      return preferred !== 'sms' && methods.includes(preferred) ? preferred : null;
    },

    /** True when the code is the current one of one of the account's apps, used now for the first time. */
    async useTotpCode(account: Account, code: string, now: Date): Promise<boolean> {
      for (const app of await listConfirmedTotp(db, account.id)) {
        const counter = matchTotp(decrypt(encryption, app.sealedSecret), code, now);
        if (counter !== null && (await useTotpStep(db, app.id, counter, now))) return true;
      }
      return false;
    },

    async overview(actor: SessionActor) {
      const apps = await listConfirmedTotp(db, actor.account.id);
      return {
        enabled: actor.account.twoFactorEnabled,
        optOutAllowed: auth.twoFactorOptOutAllowed,
        preferred: actor.account.preferredSecondFactor,
        methods: await methodsOf(actor.account),
        authenticatorApps: apps.map((a) => ({ id: a.id, label: a.label, createdAt: a.createdAt.toISOString(), lastUsedAt: a.lastUsedAt?.toISOString() ?? null })),
        passkeys: await passkeys.list(actor.account),
      };
    },

    /** Start adding an app: the secret is shown once, and counts only after a code from the app confirms it. */
    async startTotp(actor: SessionActor, label: string | undefined) {
      const now = deps.clock.now();
      const secret = newTotpSecret();
      const id = newId();
      await db.transaction(async (tx) => {
        await deleteUnconfirmedTotp(tx, actor.account.id);
        await insertTotp(tx, { id, accountId: actor.account.id, sealedSecret: encrypt(encryption, secret), label: label?.trim() || 'Authenticator', createdAt: now });
      });
      return { id, secret, otpauthUri: totpUri(secret, actor.account.email, ISSUER) };
    },

    /** Confirm an app with its first code; it becomes the account's first choice at sign-in. */
    async confirmTotp(actor: SessionActor, id: string, code: string, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      const app = await findTotp(db, actor.account.id, id);
      if (!app || app.confirmedAt) throw new AppError('not_found');
      const counter = matchTotp(decrypt(encryption, app.sealedSecret), code, now);
      if (counter === null) throw new AppError('invalid_code', { field: 'code' });
      await db.transaction(async (tx) => {
        if (!(await confirmTotp(tx, id, counter, now))) throw new AppError('not_found');
        await updateAccount(tx, actor.account.id, { preferredSecondFactor: 'totp' }, now);
        await event(tx, actor, 'totp_added', ctx, now, { label: app.label });
      });
    },

    async removeTotp(actor: SessionActor, id: string, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        if (!(await deleteTotp(tx, actor.account.id, id))) throw new AppError('not_found');
        if (actor.account.preferredSecondFactor === 'totp' && (await listConfirmedTotp(tx, actor.account.id)).length === 0) {
          await updateAccount(tx, actor.account.id, { preferredSecondFactor: 'sms' }, now);
        }
        await event(tx, actor, 'totp_removed', ctx, now);
      });
    },

    /** Choose the first factor asked for, or switch 2FA off/on where the operator allows it. */
    async update(actor: SessionActor, input: { enabled?: boolean; preferred?: PreferredSecondFactor }, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      const { account } = actor;
      if (input.enabled === false && account.twoFactorEnabled && !auth.twoFactorOptOutAllowed) throw new AppError('two_factor_required');
      if (input.preferred && input.preferred !== 'sms' && !(await methodsOf(account)).includes(input.preferred)) throw new AppError('conflict');
      await db.transaction(async (tx) => {
        if (input.preferred && input.preferred !== account.preferredSecondFactor) {
          await updateAccount(tx, account.id, { preferredSecondFactor: input.preferred }, now);
          await event(tx, actor, 'second_factor_preference_changed', ctx, now, { preferred: input.preferred });
        }
        if (input.enabled !== undefined && input.enabled !== account.twoFactorEnabled) {
          await updateAccount(tx, account.id, { twoFactorEnabled: input.enabled }, now);
          await event(tx, actor, input.enabled ? 'two_factor_enabled' : 'two_factor_disabled', ctx, now);
          if (!input.enabled) await notices.email(tx, account, 'two_factor_disabled', { when: notices.when(now) });
        }
      });
    },
  };
}

export type TwoFactor = ReturnType<typeof createTwoFactor>;
