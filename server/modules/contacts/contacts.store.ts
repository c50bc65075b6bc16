import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { contactPersons, type ContactPerson } from './contacts.tables.ts';

/** Serialise changes to one installation's list, so the limit and the order hold under concurrency. */
export async function lockContacts(tx: Executor, installationId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`contacts:${installationId}`}))`);
}

export async function listContacts(db: Executor, installationId: string): Promise<ContactPerson[]> {
  return db.select().from(contactPersons).where(eq(contactPersons.installationId, installationId)).orderBy(asc(contactPersons.position));
}

export async function countContacts(db: Executor, installationId: string): Promise<number> {
  return db.$count(contactPersons, eq(contactPersons.installationId, installationId));
}

export async function insertContact(db: Executor, row: typeof contactPersons.$inferInsert): Promise<ContactPerson> {
  const [inserted] = await db.insert(contactPersons).values(row).returning();
  return inserted!;
}

export async function updateContact(
  db: Executor,
  installationId: string,
  id: string,
  change: Pick<ContactPerson, 'name' | 'phones' | 'relation' | 'keyHolder' | 'updatedAt'>,
): Promise<ContactPerson | undefined> {
  const [row] = await db
    .update(contactPersons)
    .set(change)
    .where(and(eq(contactPersons.installationId, installationId), eq(contactPersons.id, id)))
    .returning();
  return row;
}

export async function deleteContact(db: Executor, installationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(contactPersons)
    .where(and(eq(contactPersons.installationId, installationId), eq(contactPersons.id, id)))
    .returning({ id: contactPersons.id });
  return rows.length === 1;
}

export async function setPosition(db: Executor, installationId: string, id: string, position: number, now: Date): Promise<void> {
  await db
    .update(contactPersons)
    .set({ position, updatedAt: now })
    .where(and(eq(contactPersons.installationId, installationId), eq(contactPersons.id, id)));
}
