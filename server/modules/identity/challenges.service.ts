import { addSeconds, secondsUntil } from '../../core/clock.ts';
import { AppError } from '../../core/app-error.ts';
import type { Executor } from '../../db/database.ts';
import { codeMatches, issueCode } from '../verification/index.ts';
import { consumeChallenge, findChallenge, issueChallenge } from './challenges.store.ts';
import type { ChallengePurpose, SessionChallenge } from './identity.tables.ts';
import type { IdentityDeps, RequestContext, SessionActor } from './identity.types.ts';
import type { Lockout } from './lockout.service.ts';

/**
 * One-time codes bound to a signed-in session (step-up, a new phone number), with the same
 * rules as sign-in codes: 5 minutes, single use, keyed hash only, a new code voids the old,
 * at most one per 30 s and five per session, wrong codes count toward the lockout.
 */
export function createChallenges(deps: IdentityDeps, lockout: Lockout) {
  const { auth, secretKey } = deps.config;
  const codePurpose = (sessionId: string, purpose: ChallengePurpose) => `${purpose}:${sessionId}`;

  return {
    /** Issue a code in the caller's transaction; returns the code to send. */
    async issue(tx: Executor, actor: SessionActor, purpose: ChallengePurpose, channel: 'sms' | 'email', target: string | null, now: Date): Promise<string> {
      const sessionId = actor.session.id;
      const { code, hash } = issueCode(secretKey, codePurpose(sessionId, purpose));
      const issued = await issueChallenge(tx, { sessionId, purpose, channel, target, codeHash: hash, codeExpiresAt: addSeconds(now, auth.codeTtlSeconds) }, now, {
        maxCodes: auth.codeMaxPerFlow,
        minIntervalSeconds: auth.codeResendIntervalSeconds,
      });
      if (issued) return code;
      // Thrown inside the transaction, so an SMS reserved for it is given back.
      const previous = (await findChallenge(tx, sessionId, purpose))!;
      if (previous.codesSent >= auth.codeMaxPerFlow) throw new AppError('resend_limit_reached');
      const nextAllowed = addSeconds(previous.lastSentAt, auth.codeResendIntervalSeconds);
      throw new AppError('resend_too_soon', { retryAfterSeconds: secondsUntil(nextAllowed, now) });
    },

    /** Check and use the session's code; `onSuccess` runs in the transaction that uses it. */
    async verify<T>(
      actor: SessionActor,
      purpose: ChallengePurpose,
      input: string,
      ctx: RequestContext,
      onSuccess: (tx: Executor, challenge: SessionChallenge, now: Date) => Promise<T>,
    ): Promise<T> {
      const sessionId = actor.session.id;
      const challenge = await findChallenge(deps.db, sessionId, purpose);
      const now = deps.clock.now();
      const live = challenge?.codeExpiresAt && challenge.codeExpiresAt > now ? challenge.codeHash : null;
      return lockout.attempt(
        actor.account,
        ctx,
        { code: 'invalid_code', field: 'code' },
        () => codeMatches(secretKey, codePurpose(sessionId, purpose), input, live),
        async (tx, at) => {
          const used = await consumeChallenge(tx, sessionId, purpose, live!, at);
          if (!used) throw new AppError('invalid_code', { field: 'code' });
          return onSuccess(tx, used, at);
        },
      );
    },
  };
}

export type Challenges = ReturnType<typeof createChallenges>;
