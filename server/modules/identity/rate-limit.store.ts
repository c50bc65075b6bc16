import { randomInt } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { placeholders, prefixed, preparedStatement } from '../../db/prepared.ts';
import { rateLimitWindows } from './identity.tables.ts';
import { WINDOW_SHARDS, type WindowHits } from './rate-limit.rules.ts';

/** What `countHitsSql` and `overLimitSql` take at each run: the windows' keys in order, their limits, which are brakes. */
interface WindowValues {
  keys: string[];
  limits: number[];
  brakes: boolean[];
  windowStart: Date;
  /** The shard this request counts in (`WINDOW_SHARDS`). */
  shard: number;
}

const WINDOW_KEYS: Record<keyof WindowValues, true> = { keys: true, limits: true, brakes: true, windowStart: true, shard: true };

/** The windows of one request as the values of parts built with the placeholders of `prefix`, added to `into`. */
export function windowValues(prefix: string, windows: WindowHits, into: Record<string, unknown> = {}): Record<string, unknown> {
  const keys = [...windows.limits.keys()].sort();
  const values: WindowValues = {
    keys,
    limits: keys.map((key) => windows.limits.get(key)!),
    brakes: keys.map((key) => windows.brakes.has(key)),
    windowStart: windows.windowStart,
    shard: randomInt(WINDOW_SHARDS),
  };
  return prefixed(prefix, values, into);
}

/**
 * The upsert that counts one hit in each key's window, returning `key` and `hits` per key (the
 * sum over the window's shards, this hit included); a statement of its own or the first part of
 * a larger one (throttle.store.ts), built once with the placeholders of `prefix` (values:
 * `windowValues`). One request counts all its keys in the same shard, in key order, so two
 * requests counting the same keys cannot deadlock.
 */
export function countHitsSql(prefix: string): SQL {
  const p = placeholders<WindowValues>(prefix, WINDOW_KEYS);
  return sql`INSERT INTO ${rateLimitWindows} AS w (key, window_start, shard, hits)
    SELECT k.key, ${p.windowStart}::timestamptz, ${p.shard}::smallint, 1 FROM unnest(${p.keys}::text[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n
    ON CONFLICT (key, window_start, shard) DO UPDATE SET hits = w.hits + 1
    RETURNING w.key, (w.hits + coalesce((
      SELECT sum(o.hits) FROM ${rateLimitWindows} o WHERE o.key = w.key AND o.window_start = w.window_start AND o.shard <> w.shard
    ), 0))::int AS hits`;
}

/**
 * Whether any window's hits, counted by `countHitsSql(prefix)` as `hits(key, hits)`, passed its
 * limit; a brake's only when `recognised` (a boolean expression) is false, as `overLimit`.
 */
export function overLimitSql(prefix: string, recognised: SQL): SQL {
  const p = placeholders<WindowValues>(prefix, WINDOW_KEYS);
  return sql`EXISTS (SELECT 1 FROM hits JOIN unnest(${p.keys}::text[], ${p.limits}::int[], ${p.brakes}::boolean[]) AS w(key, most, brake) ON w.key = hits.key
    WHERE hits.hits > w.most AND NOT (w.brake AND ${recognised}))`;
}

const countHits = preparedStatement('hit_windows', () => countHitsSql('w_'));

/** Count one hit in each window, in one atomic statement shared by every server process. */
export async function hitWindows(db: Executor, windows: WindowHits): Promise<Map<string, number>> {
  const result = (await countHits(db, windowValues('w_', windows))) as { rows: Array<{ key: string; hits: number }> };
  return new Map(result.rows.map((row) => [row.key, Number(row.hits)]));
}

/** Old windows are useless; removed now and then by the maintenance job. */
export async function deleteWindowsBefore(db: Executor, before: Date): Promise<void> {
  await db.delete(rateLimitWindows).where(sql`${rateLimitWindows.windowStart} < ${before}`);
}
