import type { Executor } from '../../db/database.ts';
import { executePrepared } from '../../db/prepared.ts';
import { sql, type SQL } from 'drizzle-orm';
import { maskEmail, maskPhone, type OutgoingMessage } from '../notifications/index.ts';
import { reserveSms, runSmsReservation, smsReservationPart, uncountSms } from '../verification/index.ts';
import type { Account } from './identity.tables.ts';
import type { IdentityDeps } from './identity.types.ts';

export type FallbackReason = 'sms_budget' | 'no_phone' | 'sms_failed';

type CodeTemplate = 'login_code' | 'step_up_code' | 'phone_change_code';

/** Sending one-time codes: SMS while the account's and the company's budgets allow, else e-mail (SPEC §3.5). */
export function createCodeDelivery(deps: IdentityDeps) {
  const { auth } = deps.config;
  const limits = { perAccountPerDay: auth.smsPerAccountPerDay, monthlyBudget: auth.smsMonthlyBudget, costOre: auth.smsCostOre };

  function codeMessage(account: Account, channel: 'sms' | 'email', code: string, template: CodeTemplate, options: { to?: string; reference?: string }): OutgoingMessage {
    const to = options.to ?? (channel === 'sms' ? account.phone! : account.email);
    return {
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
    };
  }

  const masked = (message: OutgoingMessage) => (message.channel === 'sms' ? maskPhone(message.to) : maskEmail(message.to));

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
      template: CodeTemplate,
      options: { to?: string; reference?: string } = {},
    ): Promise<string> {
      const message = codeMessage(account, channel, code, template, options);
      await deps.notifications.enqueue(tx, message);
      return masked(message);
    },

    /**
     * As `chooseChannel` and `send` for an SMS wanted, decided and queued in one statement
     * together with the caller's own change (`change`, given the channel and fallback reason as
     * SQL): no transaction, one round trip. For the hottest path, the first code of a sign-in.
     */
    async sendWith(
      db: Executor,
      account: Account,
      code: string,
      template: CodeTemplate,
      reference: string,
      now: Date,
      change: (choice: { channel: SQL; fallbackReason: SQL }) => SQL,
    ): Promise<{ channel: 'sms' | 'email'; fallbackReason?: FallbackReason; sentTo: string }> {
      const email = codeMessage(account, 'email', code, template, { reference });
      if (!account.phone || !account.phoneVerifiedAt) {
        const queued = deps.notifications.enqueuePart(db, 'code_queued', email);
        await executePrepared(db, 'email_code', sql`WITH ${change({ channel: sql`'email'`, fallbackReason: sql`'no_phone'` })}, ${queued} SELECT 1`);
        return { channel: 'email', fallbackReason: 'no_phone', sentTo: masked(email) };
      }
      const reservation = smsReservationPart(account.id, template, now, limits);
      const choice = {
        channel: sql`CASE WHEN ${reservation.reserved} THEN 'sms' ELSE 'email' END`,
        fallbackReason: sql`CASE WHEN ${reservation.reserved} THEN NULL ELSE 'sms_budget' END`,
      };
      const sms = codeMessage(account, 'sms', code, template, { reference });
      const queued = deps.notifications.enqueueEitherPart(db, 'code_queued', reservation.reserved, sms, email);
      const result = await runSmsReservation(db, reservation, sql`${change(choice)}, ${queued}`);
      if (result.reserved) return { channel: 'sms', sentTo: masked(sms) };
      // A concurrent sign-in spent the picked shard after this one found it with room.
      if (result.counted) await uncountSms(db, account.id, now);
      return { channel: 'email', fallbackReason: 'sms_budget', sentTo: masked(email) };
    },
  };
}

export type CodeDelivery = ReturnType<typeof createCodeDelivery>;
