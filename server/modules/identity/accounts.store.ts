import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { accounts, type Account } from './identity.tables.ts';

export async function findAccountByEmail(db: Executor, email: string): Promise<Account | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.email, email)).limit(1);
  return row;
}

export async function findAccountById(db: Executor, id: string): Promise<Account | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return row;
}

export async function insertAccount(db: Executor, account: typeof accounts.$inferInsert): Promise<Account> {
  const [row] = await db.insert(accounts).values(account).returning();
  return row!;
}

export async function updatePasswordHash(db: Executor, id: string, passwordHash: string, now: Date): Promise<void> {
  await db.update(accounts).set({ passwordHash, updatedAt: now }).where(eq(accounts.id, id));
}
