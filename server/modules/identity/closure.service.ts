import type { ErrorCode } from '../../../contract/errors.ts';
import { AppError } from '../../core/app-error.ts';
import type { Executor } from '../../db/database.ts';
import { pseudonymiseSecurityEvents, recordSecurityEvent } from '../audit/index.ts';
import { updateAccount } from './accounts.store.ts';
import { revokeAllDevices } from './devices.store.ts';
import type { IdentityDeps, SessionActor } from './identity.types.ts';
import { revokeAllIntegrationTokens } from './integration-tokens.store.ts';
import { deleteLinksOf } from './links.store.ts';
import { deleteAllPasskeys } from './passkeys.store.ts';
import type { Notices } from './notices.service.ts';
import { revokeAccountSessions } from './sessions.store.ts';
import { deleteAllTotp } from './totp.store.ts';

/**
 * Closing one's own account (SPEC §3.12). The row stays as a tombstone whose id is the
 * pseudonym the audit trail keeps; everything that names or reaches the person goes.
 */
export function createClosure(deps: IdentityDeps, notices: Notices) {
  const db = deps.db;
  const { guards, listeners } = deps.accountClosure;

  /** The first reason the account may not be closed now, or null: the one rule the preflight and closing share. */
  async function refusal(tx: Executor, accountId: string): Promise<ErrorCode | null> {
    for (const guard of guards) {
      const reason = await guard(tx, accountId);
      if (reason) return reason;
    }
    return null;
  }

  return {
    /** Whether closing would be refused, so the page can say why before the button is pressed. */
    async check(actor: Pick<SessionActor, 'account'>): Promise<{ allowed: boolean; reason: ErrorCode | null }> {
      const reason = await refusal(db, actor.account.id);
      return { allowed: reason === null, reason };
    },

    async close(actor: SessionActor): Promise<void> {
      const now = deps.clock.now();
      const { account } = actor;
      await db.transaction(async (tx) => {
        const reason = await refusal(tx, account.id);
        if (reason) throw new AppError(reason);
        for (const listener of listeners) await listener(tx, account.id);
        // Told before the address is erased; the message is queued in this same transaction.
        await notices.email(tx, account, 'account_closed', { when: notices.when(now) });
        await revokeAccountSessions(tx, account.id, now);
        await revokeAllDevices(tx, account.id, now);
        await revokeAllIntegrationTokens(tx, account.id, now);
        await deleteAllTotp(tx, account.id);
        await deleteAllPasskeys(tx, account.id);
        await deleteLinksOf(tx, account.id);
        await updateAccount(
          tx,
          account.id,
          {
            status: 'closed',
            closedAt: now,
            email: `closed-${account.id}@closed.invalid`,
            emailVerifiedAt: null,
            name: '',
            phone: null,
            phoneVerifiedAt: null,
            passwordHash: null,
          },
          now,
        );
        await pseudonymiseSecurityEvents(tx, account.id);
        // Without IP or browser: the trail of a closed account holds no personal data.
        await recordSecurityEvent(tx, { accountId: account.id, kind: 'account_closed', at: now });
      });
    },
  };
}

export type Closure = ReturnType<typeof createClosure>;
