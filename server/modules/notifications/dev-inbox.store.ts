import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { devMessages } from './notifications.tables.ts';

export type DevMessage = typeof devMessages.$inferSelect;

export async function insertDevMessage(db: Executor, message: typeof devMessages.$inferInsert): Promise<void> {
  await db.insert(devMessages).values(message);
}

export async function listDevMessages(db: Executor, recipient: string | undefined, limit: number): Promise<DevMessage[]> {
  const query = db.select().from(devMessages);
  const filtered = recipient ? query.where(eq(devMessages.recipient, recipient)) : query;
  return filtered.orderBy(desc(devMessages.id)).limit(limit);
}
