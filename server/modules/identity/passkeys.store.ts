import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { passkeys, webauthnChallenges, type Passkey } from './identity.tables.ts';

export async function insertPasskey(db: Executor, row: typeof passkeys.$inferInsert): Promise<void> {
  await db.insert(passkeys).values(row);
}

export async function listPasskeys(db: Executor, accountId: string): Promise<Passkey[]> {
  return db.select().from(passkeys).where(eq(passkeys.accountId, accountId)).orderBy(desc(passkeys.createdAt));
}

export async function findPasskey(db: Executor, accountId: string, credentialId: string): Promise<Passkey | undefined> {
  const [row] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.accountId, accountId), eq(passkeys.credentialId, credentialId)));
  return row;
}

/** Record a use; the counter only moves forward, so a cloned authenticator shows up (WebAuthn §6.1.1). */
export async function usePasskey(db: Executor, id: string, counter: number, now: Date): Promise<void> {
  await db.update(passkeys).set({ counter, lastUsedAt: now }).where(eq(passkeys.id, id));
}

export async function deletePasskey(db: Executor, accountId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.accountId, accountId)))
    .returning({ id: passkeys.id });
  return rows.length === 1;
}

export async function deleteAllPasskeys(db: Executor, accountId: string): Promise<void> {
  await db.delete(passkeys).where(eq(passkeys.accountId, accountId));
}

/** A new ceremony replaces the previous challenge under the same key. */
export async function putChallenge(db: Executor, key: string, challenge: string, expiresAt: Date): Promise<void> {
  await db.insert(webauthnChallenges).values({ key, challenge, expiresAt }).onConflictDoUpdate({ target: webauthnChallenges.key, set: { challenge, expiresAt } });
}

/** Take the challenge once: concurrent answers to one ceremony cannot both be checked against it. */
export async function takeChallenge(db: Executor, key: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.key, key), gt(webauthnChallenges.expiresAt, now)))
    .returning({ challenge: webauthnChallenges.challenge });
  return row?.challenge;
}

export async function deleteChallengesExpiredBefore(db: Executor, before: Date): Promise<void> {
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, before));
}
