import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { accountLinks, type AccountLink, type LinkPurpose } from './identity.tables.ts';

export async function insertLink(db: Executor, link: typeof accountLinks.$inferInsert): Promise<void> {
  await db.insert(accountLinks).values(link);
}

/** A link still usable now, without using it (to check input before spending the link). */
export async function findLiveLink(db: Executor, tokenHash: string, purpose: LinkPurpose, now: Date): Promise<AccountLink | undefined> {
  const [row] = await db
    .select()
    .from(accountLinks)
    .where(and(eq(accountLinks.tokenHash, tokenHash), eq(accountLinks.purpose, purpose), isNull(accountLinks.usedAt), gt(accountLinks.expiresAt, now)));
  return row;
}

/** Use a link once: of two concurrent requests only one gets the row back. */
export async function consumeLink(db: Executor, tokenHash: string, purpose: LinkPurpose, now: Date): Promise<AccountLink | undefined> {
  const [row] = await db
    .update(accountLinks)
    .set({ usedAt: now })
    .where(and(eq(accountLinks.tokenHash, tokenHash), eq(accountLinks.purpose, purpose), isNull(accountLinks.usedAt), gt(accountLinks.expiresAt, now)))
    .returning();
  return row;
}

/** A new link of a kind voids the account's earlier unused ones. */
export async function voidLinks(db: Executor, accountId: string, purpose: LinkPurpose, now: Date): Promise<void> {
  await db
    .update(accountLinks)
    .set({ usedAt: now })
    .where(and(eq(accountLinks.accountId, accountId), eq(accountLinks.purpose, purpose), isNull(accountLinks.usedAt)));
}

export async function deleteLinksOf(db: Executor, accountId: string): Promise<void> {
  await db.delete(accountLinks).where(eq(accountLinks.accountId, accountId));
}

/** Expired links answer like unknown ones, so they can go. */
export async function deleteLinksExpiredBefore(db: Executor, before: Date): Promise<void> {
  await db.delete(accountLinks).where(lt(accountLinks.expiresAt, before));
}
