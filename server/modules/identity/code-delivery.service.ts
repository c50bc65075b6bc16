import type { Executor } from '../../db/database.ts';
import { maskEmail, maskPhone } from '../notifications/index.ts';
import { reserveSms } from '../verification/index.ts';
import type { Account } from './identity.tables.ts';
import type { IdentityDeps } from './identity.types.ts';

export type FallbackReason = 'sms_budget' | 'no_phone' | 'sms_failed';

/** Sending one-time codes: SMS while the account's and the company's budgets allow, else e-mail (SPEC §3.5). */
export function createCodeDelivery(deps: IdentityDeps) {
  const { auth } = deps.config;
  const limits = { perAccountPerDay: auth.smsPerAccountPerDay, monthlyBudget: auth.smsMonthlyBudget, costOre: auth.smsCostOre };

  return {
    /** Choose SMS when the account has a verified phone and budget left, else e-mail. */
    async chooseChannel(
      tx: Executor,
      account: Account,
      wanted: 'sms' | 'email',
      purpose: string,
      now: Date,
    ): Promise<{ channel: 'sms' | 'email'; fallbackReason?: FallbackReason }> {
      if (wanted === 'email') return { channel: 'email' };
      if (!account.phone || !account.phoneVerifiedAt) return { channel: 'email', fallbackReason: 'no_phone' };
      const reserved = await reserveSms(tx, account.id, purpose, now, limits);
      return reserved ? { channel: 'sms' } : { channel: 'email', fallbackReason: 'sms_budget' };
    },

    /** Reserve one SMS to a number that is not (yet) the account's, e.g. a new phone to confirm. */
    reserveSmsTo: (tx: Executor, account: Account, purpose: string, now: Date) => reserveSms(tx, account.id, purpose, now, limits),

    /** Queue the code in the caller's transaction; returns where it went, masked. */
    async send(
      tx: Executor,
      account: Account,
      channel: 'sms' | 'email',
      code: string,
      template: 'login_code' | 'step_up_code' | 'phone_change_code',
      options: { to?: string; reference?: string } = {},
    ): Promise<string> {
      const to = options.to ?? (channel === 'sms' ? account.phone! : account.email);
      await deps.notifications.enqueue(tx, {
        channel,
        to,
        language: account.language,
        template,
        accountId: account.id,
        reference: options.reference,
        // If an SMS to the account's own phone fails, the same code goes by e-mail at once (SPEC §3.4);
        // a code to a new number must prove that number, so it has no fallback.
        fallbackEmail: channel === 'sms' && to === account.phone ? account.email : undefined,
        vars: { code, name: account.name, minutes: Math.round(auth.codeTtlSeconds / 60), supportPhone: deps.config.customerServicePhone },
      });
      return channel === 'sms' ? maskPhone(to) : maskEmail(to);
    },
  };
}

export type CodeDelivery = ReturnType<typeof createCodeDelivery>;
