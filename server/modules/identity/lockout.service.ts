import { addSeconds, secondsUntil } from '../../core/clock.ts';
import { AppError } from '../../core/app-error.ts';
import { keyedHash } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import type { Account } from './identity.tables.ts';
import type { IdentityDeps, RequestContext } from './identity.types.ts';
import { decideAttempt, failureLocks } from './lockout.rules.ts';
import type { Notices } from './notices.service.ts';
import { rateLimitedError, type WindowHits } from './rate-limit.rules.ts';
import { findAccountByEmail, type SignInAccount } from './accounts.store.ts';
import { normalizeEmail } from './email.rules.ts';
import { lock, lockedUntilOf, reserveAttempt, reserveAttemptFindingAccount, resetFailures, type Reservation } from './throttle.store.ts';

type FailCode = 'invalid_credentials' | 'wrong_password' | 'invalid_code';
/** How a failed check is answered: its code and, when the caller sent it in one, the body field. */
type Failure = { code: FailCode; field?: string };

/**
 * The consecutive-failure lockout of SPEC §3.7, shared by sign-in, step-up and every other
 * check of a password or code: wrong passwords and wrong codes of one account count together.
 */
export function createLockout(deps: IdentityDeps, notices: Notices) {
  const { auth, secretKey } = deps.config;
  const db = deps.db;

  /** The lockout subject for an e-mail, whether or not an account has it. */
  const emailKey = (email: string) => keyedHash(secretKey, `login:${email}`);

  function lockedError(until: Date, now: Date): AppError {
    return new AppError('account_locked', { retryAfterSeconds: secondsUntil(until, now) });
  }

  /**
   * Reserve this attempt's place in the count; throws when the subject is locked. With `windows`,
   * the request is counted in those rate limits in the same statement, and refused past them
   * (past a brake only when not `recognised`).
   */
  async function reserve(key: string, now: Date, windows?: WindowHits, recognised = false): Promise<number> {
    return settle(await reserveAttempt(db, key, now, windows, recognised), key, now, windows);
  }

  /** What a reservation means: its place in the count, or the refusal it turned out to be. */
  async function settle(reservation: Reservation, key: string, now: Date, windows?: WindowHits): Promise<number> {
    if ('rateLimited' in reservation) throw rateLimitedError(windows!, now);
    if (reservation.locked) throw lockedError(reservation.lockedUntil, now);
    if (decideAttempt(reservation.attemptNumber, auth.lockoutMaxFailures) === 'refuse_locked') {
      const { until } = await lock(db, key, addSeconds(now, auth.lockoutSeconds), now);
      throw lockedError(until, now);
    }
    return reservation.attemptNumber;
  }

  /** An evaluated attempt failed: lock on the one past the limit and tell the owner. */
  async function failed(key: string, attemptNumber: number, account: Account | undefined, ctx: RequestContext, failure: Failure): Promise<never> {
    if (!failureLocks(attemptNumber, auth.lockoutMaxFailures)) throw new AppError(failure.code, { field: failure.field });
    const now = deps.clock.now();
    const until = addSeconds(now, auth.lockoutSeconds);
    await db.transaction(async (tx) => {
      const result = await lock(tx, key, until, now);
      if (!result.newlyLocked || !account) return;
      await recordSecurityEvent(tx, { accountId: account.id, kind: 'account_locked', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      await notices.email(tx, account, 'account_locked', { minutes: Math.round(auth.lockoutSeconds / 60) });
    });
    throw lockedError(until, now);
  }

  return {
    emailKey,
    /** Attempts from a trusted device count apart, so a stranger cannot lock the owner's phone out. */
    deviceKey: (deviceId: string) => keyedHash(secretKey, `device:${deviceId}`),
    reserve,
    /**
     * As `reserve` under the e-mail's key, counted in `windows`, and the account of the address
     * found in the same statement: the password step's one round trip before the hash. The
     * request is recognised when the address signed in successfully since `recognisedSince`.
     */
    async reserveFindingAccount(email: string, now: Date, windows: WindowHits, recognisedSince: Date): Promise<{ key: string; attempt: number; found: SignInAccount | undefined }> {
      const key = emailKey(email);
      const { reservation, found } = await reserveAttemptFindingAccount(db, email, key, now, windows, recognisedSince);
      return { key, attempt: await settle(reservation, key, now, windows), found };
    },
    failed,
    /** A success ends the consecutive count (and, after a reset, the lock). */
    succeeded: resetFailures,

    /**
     * Customer service lifts a lock (`portvakt account unlock`) once the caller is identified:
     * the count starts again and the account's recent activity says so. False when the address
     * was not locked.
     */
    async unlock(email: string): Promise<boolean> {
      const now = deps.clock.now();
      const key = emailKey(normalizeEmail(email));
      return db.transaction(async (tx) => {
        const until = await lockedUntilOf(tx, key);
        await resetFailures(tx, key, now);
        if (!until || until <= now) return false;
        const account = await findAccountByEmail(tx, normalizeEmail(email));
        if (account) await recordSecurityEvent(tx, { accountId: account.id, kind: 'account_unlocked', at: now });
        return true;
      });
    },

    /**
     * One checked attempt of a known account (step-up, current password, a code): counted under
     * the account's e-mail key like sign-in failures. `onSuccess` runs in the transaction that
     * resets the count, so a refusal inside it keeps the attempt counted.
     */
    async attempt<T>(account: Account, ctx: RequestContext, failure: Failure, check: () => Promise<boolean> | boolean, onSuccess: (tx: Executor, now: Date) => Promise<T>): Promise<T> {
      const now = deps.clock.now();
      const key = emailKey(account.email);
      const attemptNumber = await reserve(key, now);
      const ok = await check();
      deps.metrics?.credentialChecked(failure.code === 'invalid_code' ? 'code' : 'password', ok);
      if (!ok) return failed(key, attemptNumber, account, ctx, failure);
      return db.transaction(async (tx) => {
        await resetFailures(tx, key, now);
        return onSuccess(tx, now);
      });
    },
  };
}

export type Lockout = ReturnType<typeof createLockout>;
