import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { rateLimitWindows } from './identity.tables.ts';

/**
 * Count one hit in a fixed window shared by every server process (one atomic upsert).
 * Returns the hits so far in the window and when the window ends.
 */
export async function hitWindow(db: Executor, key: string, now: Date, windowSeconds: number): Promise<{ hits: number; windowEnds: Date }> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimitWindows)
    .values({ key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitWindows.key, rateLimitWindows.windowStart],
      set: { hits: sql`${rateLimitWindows.hits} + 1` },
    })
    .returning({ hits: rateLimitWindows.hits });
  return { hits: row!.hits, windowEnds: new Date(windowStart.getTime() + windowMs) };
}

/** Old windows are useless; removed now and then by the maintenance job. */
export async function deleteWindowsBefore(db: Executor, before: Date): Promise<void> {
  await db.delete(rateLimitWindows).where(sql`${rateLimitWindows.windowStart} < ${before}`);
}
