import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { rateLimitWindows } from './identity.tables.ts';
import type { WindowHits } from './rate-limit.rules.ts';

/**
 * The upsert that counts one hit in each key's window, returning `key` and `hits` per key; a
 * statement of its own or the first part of a larger one (throttle.store.ts). Rows are written
 * in key order, so two requests counting the same keys cannot deadlock.
 */
export function countHitsSql(windows: WindowHits): SQL {
  const rows = [...windows.limits.keys()].sort().map((key) => sql`(${key}, ${windows.windowStart}, 1)`);
  return sql`INSERT INTO ${rateLimitWindows} (key, window_start, hits) VALUES ${sql.join(rows, sql`, `)}
    ON CONFLICT (key, window_start) DO UPDATE SET hits = ${rateLimitWindows}.hits + 1
    RETURNING key, hits`;
}

/** Whether any window's hits, counted by `countHitsSql` as `hits(key, hits)`, passed its limit. */
export function overLimitSql(windows: WindowHits): SQL {
  const passed = [...windows.limits].map(([key, limit]) => sql`(hits.key = ${key} AND hits.hits > ${limit})`);
  return sql`EXISTS (SELECT 1 FROM hits WHERE ${sql.join(passed, sql` OR `)})`;
}

/** Count one hit in each window, in one atomic statement shared by every server process. */
export async function hitWindows(db: Executor, windows: WindowHits): Promise<Map<string, number>> {
  const result = (await db.execute(countHitsSql(windows))) as unknown as { rows: Array<{ key: string; hits: number }> };
  return new Map(result.rows.map((row) => [row.key, Number(row.hits)]));
}

/** Old windows are useless; removed now and then by the maintenance job. */
export async function deleteWindowsBefore(db: Executor, before: Date): Promise<void> {
  await db.delete(rateLimitWindows).where(sql`${rateLimitWindows.windowStart} < ${before}`);
}
