import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { installationInvitations, type Invitation } from './installations.tables.ts';

const t = installationInvitations;
const isOpen = and(isNull(t.consumedAt), isNull(t.revokedAt));
// Whatever closes an invitation (accepted, revoked, replaced) also erases the number the inviter
// typed: personal data kept only while the invitation is open (a check constraint holds to it).

/** Undefined when an open invitation to that address already exists (the partial unique index). */
export async function insertInvitation(db: Executor, row: typeof t.$inferInsert): Promise<Invitation | undefined> {
  const [inserted] = await db
    .insert(t)
    .values(row)
    .onConflictDoNothing({ target: [t.installationId, t.email], where: sql`consumed_at IS NULL AND revoked_at IS NULL` })
    .returning();
  return inserted;
}

/** An expired invitation no longer blocks a new one to the same address. */
export async function closeExpiredInvitations(db: Executor, installationId: string, email: string, now: Date): Promise<void> {
  await db
    .update(t)
    .set({ revokedAt: now, phone: null })
    .where(and(eq(t.installationId, installationId), eq(t.email, email), isOpen, lte(t.expiresAt, now)));
}

export async function listOpenInvitations(db: Executor, installationId: string): Promise<Invitation[]> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.installationId, installationId), isOpen))
    .orderBy(asc(t.createdAt));
}

export async function findInvitation(db: Executor, installationId: string, id: string): Promise<Invitation | undefined> {
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.installationId, installationId), eq(t.id, id)))
    .limit(1);
  return row;
}

export async function findInvitationByTokenHash(db: Executor, tokenHash: string): Promise<Invitation | undefined> {
  const [row] = await db.select().from(t).where(eq(t.tokenHash, tokenHash)).limit(1);
  return row;
}

/** Re-send: a new link replaces the old one, which stops working. */
export async function replaceInvitationToken(db: Executor, id: string, tokenHash: string, expiresAt: Date): Promise<Invitation | undefined> {
  const [row] = await db
    .update(t)
    .set({ tokenHash, expiresAt })
    .where(and(eq(t.id, id), isOpen))
    .returning();
  return row;
}

export async function revokeInvitation(db: Executor, id: string, now: Date): Promise<Invitation | undefined> {
  const [row] = await db
    .update(t)
    .set({ revokedAt: now, phone: null })
    .where(and(eq(t.id, id), isOpen))
    .returning();
  return row;
}

/**
 * Use an invitation: one statement that both checks and spends it, so a link works exactly
 * once however many requests race for it.
 */
export async function consumeInvitation(db: Executor, tokenHash: string, email: string, accountId: string, now: Date): Promise<Invitation | undefined> {
  const [row] = await db
    .update(t)
    .set({ consumedAt: now, acceptedBy: accountId, phone: null })
    .where(and(eq(t.tokenHash, tokenHash), isOpen, gt(t.expiresAt, now), eq(t.email, email)))
    .returning();
  return row;
}
