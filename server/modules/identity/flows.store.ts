import { and, eq, gt, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { executePrepared, type Params } from '../../db/prepared.ts';
import { loginFlows, type LoginFlow } from './identity.tables.ts';
import { releaseAttemptSql } from './throttle.store.ts';

type NewFlow = typeof loginFlows.$inferInsert;
/**
 * A new flow whose channel may be decided in the statement that opens it, with values or, in a
 * statement prepared once, placeholders for them.
 */
export type OpeningFlow = Params<Omit<NewFlow, 'channel' | 'fallbackReason'>> & { channel: NewFlow['channel'] | SQL; fallbackReason?: NewFlow['fallbackReason'] | SQL };

/** A flow that opens with its first code sent: every column but the channel, which is decided as it opens. */
export type CodeFlow = Required<
  Pick<NewFlow, 'idHash' | 'accountId' | 'throttleKey' | 'client' | 'codeHash' | 'codeExpiresAt' | 'codesSent' | 'lastSentAt' | 'expiresAt' | 'ip' | 'userAgent' | 'createdAt'>
>;

export const CODE_FLOW_KEYS: Record<keyof CodeFlow, true> = {
  idHash: true,
  accountId: true,
  throttleKey: true,
  client: true,
  codeHash: true,
  codeExpiresAt: true,
  codesSent: true,
  lastSentAt: true,
  expiresAt: true,
  ip: true,
  userAgent: true,
  createdAt: true,
};

/**
 * The password was right: the sign-in's flow opens and the attempt it reserved in the lockout
 * count is given back. As parts (`flow_released`, `flow_opened`) of a larger statement.
 */
export function openFlowPart(db: Executor, flow: OpeningFlow): SQL {
  return sql`flow_released AS (${releaseAttemptSql(flow.throttleKey, flow.createdAt)}), flow_opened AS (${db.insert(loginFlows).values(flow).getSQL()})`;
}

export async function openFlowReleasingAttempt(db: Executor, flow: NewFlow): Promise<void> {
  await executePrepared(db, 'open_flow', sql`WITH ${openFlowPart(db, flow)} SELECT 1`);
}

export async function findFlow(db: Executor, idHash: string): Promise<LoginFlow | undefined> {
  const [row] = await db.select().from(loginFlows).where(eq(loginFlows.idHash, idHash)).limit(1);
  return row;
}

/**
 * Replace the flow's code with a new one, if the resend rules allow it, in one statement:
 * not completed, not expired, under the per-flow limit and past the minimum interval.
 */
export async function replaceCode(
  db: Executor,
  idHash: string,
  next: Pick<LoginFlow, 'channel' | 'fallbackReason' | 'codeHash' | 'codeExpiresAt' | 'expiresAt'>,
  now: Date,
  rules: { maxCodes: number; minIntervalSeconds: number },
): Promise<LoginFlow | undefined> {
  const earliestPrevious = new Date(now.getTime() - rules.minIntervalSeconds * 1000);
  const [row] = await db
    .update(loginFlows)
    .set({ ...next, codesSent: sql`${loginFlows.codesSent} + 1`, lastSentAt: now })
    .where(
      and(
        eq(loginFlows.idHash, idHash),
        isNull(loginFlows.completedAt),
        gt(loginFlows.expiresAt, now),
        sql`${loginFlows.codesSent} < ${rules.maxCodes}`,
        or(
          isNull(loginFlows.lastSentAt),
          lte(loginFlows.lastSentAt, earliestPrevious),
          // The first switch to the other channel is at once: a wrong number or no phone at hand
          // is known straight away (ADR 0041). Later codes keep the spacing.
          and(eq(loginFlows.codesSent, 1), ne(loginFlows.channel, next.channel)),
        ),
      ),
    )
    .returning();
  return row;
}

/**
 * The SMS with code number `codeNumber` failed and the same code went by e-mail: record it,
 * unless a newer code replaced it or the flow is over (then no e-mail is wanted).
 */
export async function fallBackToEmail(db: Executor, idHash: string, codeNumber: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(loginFlows)
    .set({ channel: 'email', fallbackReason: 'sms_failed' })
    .where(and(eq(loginFlows.idHash, idHash), eq(loginFlows.codesSent, codeNumber), isNull(loginFlows.completedAt), gt(loginFlows.expiresAt, now)))
    .returning({ idHash: loginFlows.idHash });
  return rows.length === 1;
}

/**
 * Complete the flow once its second factor was checked: of concurrent requests (or a replayed
 * code), only one completes it. Completing also voids any code still stored on it.
 */
export async function completeFlow(db: Executor, idHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(loginFlows)
    .set({ completedAt: now, codeHash: null })
    .where(and(eq(loginFlows.idHash, idHash), isNull(loginFlows.completedAt)))
    .returning({ idHash: loginFlows.idHash });
  return rows.length === 1;
}

export async function deleteFlowsExpiredBefore(db: Executor, before: Date): Promise<void> {
  await db.delete(loginFlows).where(lte(loginFlows.expiresAt, before));
}
