import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { sessionChallenges, type ChallengePurpose, type SessionChallenge } from './identity.tables.ts';

/**
 * Put a new code on the session's challenge of this purpose, voiding the previous one, in one
 * statement that also applies the resend rules: nothing when the last code went out less than
 * `minIntervalSeconds` ago or `maxCodes` were sent already (the count is never reset).
 */
export async function issueChallenge(
  db: Executor,
  next: { sessionId: string; purpose: ChallengePurpose; channel: 'sms' | 'email'; target: string | null; codeHash: string; codeExpiresAt: Date },
  now: Date,
  rules: { maxCodes: number; minIntervalSeconds: number },
): Promise<SessionChallenge | undefined> {
  const earliestPrevious = new Date(now.getTime() - rules.minIntervalSeconds * 1000);
  const [row] = await db
    .insert(sessionChallenges)
    .values({ ...next, codesSent: 1, lastSentAt: now })
    .onConflictDoUpdate({
      target: [sessionChallenges.sessionId, sessionChallenges.purpose],
      set: {
        channel: next.channel,
        target: next.target,
        codeHash: next.codeHash,
        codeExpiresAt: next.codeExpiresAt,
        codesSent: sql`${sessionChallenges.codesSent} + 1`,
        lastSentAt: now,
      },
      // As for sign-in codes, the first switch to the other channel is at once (ADR 0041).
      setWhere: sql`${sessionChallenges.codesSent} < ${rules.maxCodes} AND (${sessionChallenges.lastSentAt} <= ${earliestPrevious} OR (${sessionChallenges.codesSent} = 1 AND ${sessionChallenges.channel} <> ${next.channel}))`,
    })
    .returning();
  return row;
}

export async function findChallenge(db: Executor, sessionId: string, purpose: ChallengePurpose): Promise<SessionChallenge | undefined> {
  const [row] = await db
    .select()
    .from(sessionChallenges)
    .where(and(eq(sessionChallenges.sessionId, sessionId), eq(sessionChallenges.purpose, purpose)));
  return row;
}

/** Use the code once: only the request whose UPDATE returns the row may act on it. */
export async function consumeChallenge(db: Executor, sessionId: string, purpose: ChallengePurpose, codeHash: string, now: Date): Promise<SessionChallenge | undefined> {
  const [row] = await db
    .update(sessionChallenges)
    .set({ codeHash: null, codeExpiresAt: null })
    .where(
      and(eq(sessionChallenges.sessionId, sessionId), eq(sessionChallenges.purpose, purpose), eq(sessionChallenges.codeHash, codeHash), sql`${sessionChallenges.codeExpiresAt} > ${now}`),
    )
    .returning();
  return row;
}
