import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { accounts, integrationTokens, type Account, type IntegrationToken } from './identity.tables.ts';

export async function insertIntegrationToken(db: Executor, row: typeof integrationTokens.$inferInsert): Promise<void> {
  await db.insert(integrationTokens).values(row);
}

/** A live token and its account: the lookup of every request made with one. */
export async function findLiveIntegrationToken(db: Executor, tokenHash: string): Promise<{ token: IntegrationToken; account: Account } | undefined> {
  const [row] = await db
    .select({ token: integrationTokens, account: accounts })
    .from(integrationTokens)
    .innerJoin(accounts, eq(accounts.id, integrationTokens.accountId))
    .where(and(eq(integrationTokens.tokenHash, tokenHash), isNull(integrationTokens.revokedAt)))
    .limit(1);
  return row;
}

export async function listLiveIntegrationTokens(db: Executor, accountId: string): Promise<IntegrationToken[]> {
  return db
    .select()
    .from(integrationTokens)
    .where(and(eq(integrationTokens.accountId, accountId), isNull(integrationTokens.revokedAt)))
    .orderBy(desc(integrationTokens.createdAt));
}

/** Record use, at most once per `minGapMs`: the list shows "last used", not every request. */
export async function touchIntegrationToken(db: Executor, id: string, now: Date, minGapMs: number): Promise<void> {
  await db
    .update(integrationTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(integrationTokens.id, id), or(isNull(integrationTokens.lastUsedAt), lt(integrationTokens.lastUsedAt, new Date(now.getTime() - minGapMs)))));
}

export async function revokeIntegrationToken(db: Executor, accountId: string, id: string, now: Date): Promise<IntegrationToken | undefined> {
  const [row] = await db
    .update(integrationTokens)
    .set({ revokedAt: now })
    .where(and(eq(integrationTokens.id, id), eq(integrationTokens.accountId, accountId), isNull(integrationTokens.revokedAt)))
    .returning();
  return row;
}

/** Ends every open token of the account; answers how many were ended. */
export async function revokeAllIntegrationTokens(db: Executor, accountId: string, now: Date): Promise<number> {
  const ended = await db
    .update(integrationTokens)
    .set({ revokedAt: now })
    .where(and(eq(integrationTokens.accountId, accountId), isNull(integrationTokens.revokedAt)))
    .returning({ id: integrationTokens.id });
  return ended.length;
}
