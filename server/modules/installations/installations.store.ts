import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import type { AccessWindow, PermissionLevel } from '../../../contract/installations.ts';
import { installationMembers, installations, type Installation, type Member } from './installations.tables.ts';

export async function insertInstallation(db: Executor, row: typeof installations.$inferInsert): Promise<Installation> {
  const [inserted] = await db.insert(installations).values(row).returning();
  return inserted!;
}

export async function findInstallation(db: Executor, id: string): Promise<Installation | undefined> {
  const [row] = await db.select().from(installations).where(eq(installations.id, id)).limit(1);
  return row;
}

/** The installation together with one account's membership of it: the lookup of every guarded request. */
export async function findMembership(db: Executor, installationId: string, accountId: string): Promise<{ installation: Installation; member: Member } | undefined> {
  const [row] = await db
    .select({ installation: installations, member: installationMembers })
    .from(installationMembers)
    .innerJoin(installations, eq(installations.id, installationMembers.installationId))
    .where(and(eq(installationMembers.installationId, installationId), eq(installationMembers.accountId, accountId)))
    .limit(1);
  return row;
}

export async function listMembershipsOfAccount(db: Executor, accountId: string): Promise<Array<{ installation: Installation; member: Member }>> {
  return db
    .select({ installation: installations, member: installationMembers })
    .from(installationMembers)
    .innerJoin(installations, eq(installations.id, installationMembers.installationId))
    .where(eq(installationMembers.accountId, accountId))
    .orderBy(asc(installations.alias), asc(installations.number));
}

/** Which installations each of these accounts belongs to now. */
export async function installationsOfAccounts(db: Executor, accountIds: string[]): Promise<Array<{ accountId: string; installationId: string }>> {
  if (accountIds.length === 0) return [];
  return db
    .select({ accountId: installationMembers.accountId, installationId: installationMembers.installationId })
    .from(installationMembers)
    .where(inArray(installationMembers.accountId, accountIds));
}

/** The aliases of these installations, for reports that list them. */
export async function installationAliases(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: installations.id, alias: installations.alias }).from(installations).where(inArray(installations.id, ids));
  return new Map(rows.map((row) => [row.id, row.alias]));
}

export async function findMember(db: Executor, installationId: string, accountId: string): Promise<Member | undefined> {
  const [row] = await db
    .select()
    .from(installationMembers)
    .where(and(eq(installationMembers.installationId, installationId), eq(installationMembers.accountId, accountId)))
    .limit(1);
  return row;
}

export async function findOwner(db: Executor, installationId: string): Promise<Member | undefined> {
  const [row] = await db
    .select()
    .from(installationMembers)
    .where(and(eq(installationMembers.installationId, installationId), eq(installationMembers.level, 'owner')))
    .limit(1);
  return row;
}

export async function listMembers(db: Executor, installationId: string): Promise<Member[]> {
  return db.select().from(installationMembers).where(eq(installationMembers.installationId, installationId)).orderBy(asc(installationMembers.createdAt));
}

export async function countMembers(db: Executor, installationId: string): Promise<number> {
  return db.$count(installationMembers, eq(installationMembers.installationId, installationId));
}

/** False when the account already is a member. */
export async function insertMember(db: Executor, row: typeof installationMembers.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(installationMembers).values(row).onConflictDoNothing().returning({ accountId: installationMembers.accountId });
  return inserted.length === 1;
}

/**
 * Change a member only if their level is still the one the decision was made on, and never
 * the owner's row: the last-owner rule holds even against concurrent requests.
 */
export async function updateMember(
  db: Executor,
  key: { installationId: string; accountId: string; expectedLevel: PermissionLevel },
  change: { level: PermissionLevel; accessWindow: AccessWindow | null },
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(installationMembers)
    .set({ ...change, updatedAt: now })
    .where(
      and(
        eq(installationMembers.installationId, key.installationId),
        eq(installationMembers.accountId, key.accountId),
        eq(installationMembers.level, key.expectedLevel),
        ne(installationMembers.level, 'owner'),
      ),
    )
    .returning({ accountId: installationMembers.accountId });
  return rows.length === 1;
}

/** Remove a member (never the owner) if their level is still the expected one. */
export async function deleteMember(db: Executor, installationId: string, accountId: string, expectedLevel: PermissionLevel): Promise<boolean> {
  const rows = await db
    .delete(installationMembers)
    .where(
      and(
        eq(installationMembers.installationId, installationId),
        eq(installationMembers.accountId, accountId),
        eq(installationMembers.level, expectedLevel),
        ne(installationMembers.level, 'owner'),
      ),
    )
    .returning({ accountId: installationMembers.accountId });
  return rows.length === 1;
}
