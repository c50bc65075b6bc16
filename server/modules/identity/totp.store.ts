import { and, desc, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { totpCredentials, type TotpCredential } from './identity.tables.ts';

export async function insertTotp(db: Executor, row: typeof totpCredentials.$inferInsert): Promise<void> {
  await db.insert(totpCredentials).values(row);
}

export async function findTotp(db: Executor, accountId: string, id: string): Promise<TotpCredential | undefined> {
  const [row] = await db
    .select()
    .from(totpCredentials)
    .where(and(eq(totpCredentials.id, id), eq(totpCredentials.accountId, accountId)));
  return row;
}

export async function listConfirmedTotp(db: Executor, accountId: string): Promise<TotpCredential[]> {
  return db
    .select()
    .from(totpCredentials)
    .where(and(eq(totpCredentials.accountId, accountId), isNotNull(totpCredentials.confirmedAt)))
    .orderBy(desc(totpCredentials.createdAt));
}

export async function confirmTotp(db: Executor, id: string, counter: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(totpCredentials)
    .set({ confirmedAt: now, lastCounter: counter, lastUsedAt: now })
    .where(and(eq(totpCredentials.id, id), isNull(totpCredentials.confirmedAt)))
    .returning({ id: totpCredentials.id });
  return rows.length === 1;
}

/** Use a time step once: a code seen before (or an older one) is refused, whatever runs concurrently. */
export async function useTotpStep(db: Executor, id: string, counter: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(totpCredentials)
    .set({ lastCounter: counter, lastUsedAt: now })
    .where(and(eq(totpCredentials.id, id), isNotNull(totpCredentials.confirmedAt), or(isNull(totpCredentials.lastCounter), lt(totpCredentials.lastCounter, counter))))
    .returning({ id: totpCredentials.id });
  return rows.length === 1;
}

export async function deleteTotp(db: Executor, accountId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(totpCredentials)
    .where(and(eq(totpCredentials.id, id), eq(totpCredentials.accountId, accountId)))
    .returning({ id: totpCredentials.id });
  return rows.length === 1;
}

/** Enrolments started but never confirmed are dropped when a new one starts. */
export async function deleteUnconfirmedTotp(db: Executor, accountId: string): Promise<void> {
  await db.delete(totpCredentials).where(and(eq(totpCredentials.accountId, accountId), isNull(totpCredentials.confirmedAt)));
}

export async function deleteAllTotp(db: Executor, accountId: string): Promise<void> {
  await db.delete(totpCredentials).where(eq(totpCredentials.accountId, accountId));
}
