import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { rateLimitWindows } from './identity.tables.ts';

/**
 * Count one hit in each key's fixed window shared by every server process, in one atomic
 * upsert. Returns the hits so far per key and when the window ends. Rows are written in key
 * order, so two requests counting the same keys cannot deadlock.
 */
export async function hitWindows(
  db: Executor,
  keys: string[],
  now: Date,
  windowSeconds: number,
): Promise<{ hits: Map<string, number>; windowEnds: Date }> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db
    .insert(rateLimitWindows)
    .values([...new Set(keys)].sort().map((key) => ({ key, windowStart, hits: 1 })))
    .onConflictDoUpdate({
      target: [rateLimitWindows.key, rateLimitWindows.windowStart],
      set: { hits: sql`${rateLimitWindows.hits} + 1` },
    })
    .returning({ key: rateLimitWindows.key, hits: rateLimitWindows.hits });
  return { hits: new Map(rows.map((row) => [row.key, row.hits])), windowEnds: new Date(windowStart.getTime() + windowMs) };
}

/** One key's window: the hits so far and when the window ends. */
export async function hitWindow(db: Executor, key: string, now: Date, windowSeconds: number): Promise<{ hits: number; windowEnds: Date }> {
  const { hits, windowEnds } = await hitWindows(db, [key], now, windowSeconds);
  return { hits: hits.get(key)!, windowEnds };
}

/** Old windows are useless; removed now and then by the maintenance job. */
export async function deleteWindowsBefore(db: Executor, before: Date): Promise<void> {
  await db.delete(rateLimitWindows).where(sql`${rateLimitWindows.windowStart} < ${before}`);
}
