import { AppError } from '../../core/app-error.ts';
import type { Executor } from '../../db/database.ts';
import { reserveUnverifiedSms } from '../verification/index.ts';
import type { Account } from './identity.tables.ts';
import type { IdentityDeps, RequestContext } from './identity.types.ts';
import { smsDestinationAllowed } from './phone.rules.ts';
import { ipLimitSubject, overLimit, rateLimitedError, windowHits } from './rate-limit.rules.ts';
import { hitWindows } from './rate-limit.store.ts';

/**
 * SMS to a number the account has not verified (a new phone to confirm): what SMS pumping
 * abuses, so it has a country allow-list, per-IP, per-account and global limits and a share of
 * the month's budget of its own (ADR 52). Codes to verified numbers never pass here.
 */
export function createUnverifiedSms(deps: IdentityDeps) {
  const { auth } = deps.config;
  const rules = auth.unverifiedSms;
  const budget = { perAccountPerDay: auth.smsPerAccountPerDay, monthlyBudget: auth.smsMonthlyBudget, unverifiedSharePercent: rules.budgetSharePercent };

  return {
    /**
     * In the caller's transaction, before the SMS is queued: the destination's country, the
     * per-IP, per-account and global windows, then the SMS reserved in its share of the budget.
     * A refusal undoes the transaction, so the windows count SMS that went, not attempts.
     */
    async reserve(tx: Executor, account: Account, to: string, ctx: RequestContext, now: Date): Promise<void> {
      if (!smsDestinationAllowed(to, rules.allowedCountries)) throw new AppError('sms_destination_not_allowed', { field: 'phone' });
      const limits = new Map([
        [`sms-unverified-ip:${ipLimitSubject(ctx.ip)}`, rules.perIp],
        [`sms-unverified-account:${account.id}`, rules.perAccount],
        ['sms-unverified-global', rules.global],
      ]);
      const windows = windowHits(limits, now, rules.windowSeconds);
      if (overLimit(await hitWindows(tx, windows), windows)) throw rateLimitedError(windows, now);
      if (!(await reserveUnverifiedSms(tx, account.id, now, budget))) throw new AppError('channel_unavailable');
    },
  };
}

export type UnverifiedSms = ReturnType<typeof createUnverifiedSms>;
