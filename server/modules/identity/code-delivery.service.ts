import type { Executor } from '../../db/database.ts';
import { executePrepared, placeholders, prefixed, preparedStatement } from '../../db/prepared.ts';
import { sql } from 'drizzle-orm';
import { maskEmail, maskPhone, type OutgoingMessage } from '../notifications/index.ts';
import {
  reserveInOwnStatement,
  reserveSms,
  SMS_RESERVATION_KEYS,
  smsReservationPart,
  smsReservationStatement,
  type SmsReservation,
  type SmsReservationValues,
} from '../verification/index.ts';
import { CODE_FLOW_KEYS, openFlowPart, type CodeFlow } from './flows.store.ts';
import type { Account } from './identity.tables.ts';
import type { IdentityDeps } from './identity.types.ts';

export type FallbackReason = 'sms_budget' | 'no_phone' | 'sms_failed';

type CodeTemplate = 'login_code' | 'step_up_code' | 'phone_change_code';

/** Sending one-time codes: SMS while the account's and the company's budgets allow, else e-mail (SPEC §3.5). */
export function createCodeDelivery(deps: IdentityDeps) {
  const { auth } = deps.config;
  const limits = { perAccountPerDay: auth.smsPerAccountPerDay, monthlyBudget: auth.smsMonthlyBudget };

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

  /** Reserve the SMS, open the flow with the channel that decided and queue that message. */
  const openFlowWithSms = preparedStatement('open_flow_sms_code', (db) => {
    const reservation = smsReservationPart(placeholders<SmsReservationValues>('sms_', SMS_RESERVATION_KEYS));
    const opened = openFlowPart(db, {
      ...placeholders<CodeFlow>('flow_', CODE_FLOW_KEYS),
      channel: sql`CASE WHEN ${reservation.reserved} THEN 'sms' ELSE 'email' END`,
      fallbackReason: sql`CASE WHEN ${reservation.reserved} THEN NULL ELSE 'sms_budget' END`,
    });
    return smsReservationStatement(reservation, sql`${opened}, ${deps.notifications.smsOrFallbackPart(db, 'code_queued', reservation.reserved)}`);
  });

  return {
    /** Choose SMS when the account has a verified phone and budget left, else e-mail. */
    async chooseChannel(tx: Executor, account: Account, wanted: 'sms' | 'email', now: Date): Promise<{ channel: 'sms' | 'email'; fallbackReason?: FallbackReason }> {
      if (wanted === 'email') return { channel: 'email' };
      if (!account.phone || !account.phoneVerifiedAt) return { channel: 'email', fallbackReason: 'no_phone' };
      const reserved = await reserveSms(tx, account.id, now, limits);
      return reserved ? { channel: 'sms' } : { channel: 'email', fallbackReason: 'sms_budget' };
    },

    /**
     * Reserve one SMS to the account's own, verified phone (an activation link to the number the
     * company registered). A number not verified is never sent to here: unverified-sms.service.ts.
     */
    reserveSmsToOwnPhone: async (tx: Executor, account: Account, now: Date) => !!account.phoneVerifiedAt && reserveSms(tx, account.id, now, limits),

    /** Queue the code in the caller's transaction; returns where it went, masked. */
    async send(tx: Executor, account: Account, channel: 'sms' | 'email', code: string, template: CodeTemplate, options: { to?: string; reference?: string } = {}): Promise<string> {
      const message = codeMessage(account, channel, code, template, options);
      await deps.notifications.enqueue(tx, message);
      return masked(message);
    },

    /**
     * The first code of a sign-in: as `chooseChannel` and `send` for an SMS wanted, decided and
     * queued in one statement that also opens the sign-in's flow. No transaction, one round trip,
     * and the statement is built and prepared once (ADR 0006): the hottest path after the hash.
     */
    async openFlowWithCode(
      db: Executor,
      account: Account,
      code: string,
      reference: string,
      flow: CodeFlow,
    ): Promise<{ channel: 'sms' | 'email'; fallbackReason?: FallbackReason; sentTo: string }> {
      if (!account.phone || !account.phoneVerifiedAt) {
        const email = codeMessage(account, 'email', code, 'login_code', { reference });
        const opened = openFlowPart(db, { ...flow, channel: sql`'email'`, fallbackReason: sql`'no_phone'` });
        await executePrepared(db, 'open_flow_email_code', sql`WITH ${opened}, ${deps.notifications.enqueuePart(db, 'code_queued', email)} SELECT 1`);
        return { channel: 'email', fallbackReason: 'no_phone', sentTo: masked(email) };
      }
      // To the account's own phone, so its fallback is the account's e-mail.
      const sms = codeMessage(account, 'sms', code, 'login_code', { reference }) as OutgoingMessage & { fallbackEmail: string };
      const values = prefixed('flow_', flow);
      deps.notifications.smsOrFallbackValues('code_queued', sms, values);
      const run = async (all: Record<string, unknown>) => ((await openFlowWithSms(db, all)) as { rows: SmsReservation[] }).rows[0]!;
      const result = await reserveInOwnStatement(db, run, values, 'sms_', { accountId: account.id, now: flow.createdAt, limits });
      if (result.reserved) return { channel: 'sms', sentTo: masked(sms) };
      return { channel: 'email', fallbackReason: 'sms_budget', sentTo: maskEmail(sms.fallbackEmail) };
    },
  };
}

export type CodeDelivery = ReturnType<typeof createCodeDelivery>;
