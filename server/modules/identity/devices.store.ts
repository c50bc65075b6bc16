import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { trustedDevices } from './identity.tables.ts';

export type TrustedDevice = typeof trustedDevices.$inferSelect;

export async function insertTrustedDevice(db: Executor, device: typeof trustedDevices.$inferInsert): Promise<void> {
  await db.insert(trustedDevices).values(device);
}

/** A live trusted device of this account with this token hash, if any. */
export async function findLiveDevice(db: Executor, accountId: string, tokenHash: string, now: Date): Promise<TrustedDevice | undefined> {
  const [row] = await db
    .select()
    .from(trustedDevices)
    .where(and(eq(trustedDevices.tokenHash, tokenHash), eq(trustedDevices.accountId, accountId), isNull(trustedDevices.revokedAt), gt(trustedDevices.expiresAt, now)))
    .limit(1);
  return row;
}

export async function touchDevice(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(trustedDevices).set({ lastUsedAt: now }).where(eq(trustedDevices.id, id));
}

export async function listLiveDevices(db: Executor, accountId: string, now: Date): Promise<TrustedDevice[]> {
  return db
    .select()
    .from(trustedDevices)
    .where(and(eq(trustedDevices.accountId, accountId), isNull(trustedDevices.revokedAt), gt(trustedDevices.expiresAt, now)))
    .orderBy(desc(trustedDevices.lastUsedAt));
}

export async function revokeDevice(db: Executor, accountId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(trustedDevices)
    .set({ revokedAt: now })
    .where(and(eq(trustedDevices.id, id), eq(trustedDevices.accountId, accountId), isNull(trustedDevices.revokedAt)))
    .returning({ id: trustedDevices.id });
  return rows.length === 1;
}

/** A change of password, e-mail or phone, a reset and closing revoke them all (SPEC §3.6). */
export async function revokeAllDevices(db: Executor, accountId: string, now: Date): Promise<number> {
  const rows = await db
    .update(trustedDevices)
    .set({ revokedAt: now })
    .where(and(eq(trustedDevices.accountId, accountId), isNull(trustedDevices.revokedAt)))
    .returning({ id: trustedDevices.id });
  return rows.length;
}
