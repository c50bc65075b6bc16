import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDbKinds } from '../../../test/test-db.ts';
import type { Database } from '../../db/database.ts';
import { overLimit, windowHits } from './rate-limit.rules.ts';
import { hitWindows } from './rate-limit.store.ts';

describe.each(testDbKinds())('rate-limit windows on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb(kind);
  });
  afterAll(() => database.close());

  const rowsOf = async (key: string) =>
    (
      (await database.db.execute(sql`SELECT count(*)::int AS shards, sum(hits)::int AS hits FROM rate_limit_windows WHERE key = ${key}`)) as unknown as {
        rows: Array<{ shards: number; hits: number }>;
      }
    ).rows[0]!;

  it('answers each key’s hits in the window summed over its shards, this hit included', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const windows = windowHits(
      new Map([
        ['ip:a', 30],
        ['everyone', 1000],
      ]),
      now,
      300,
    );
    const answers: Array<Map<string, number>> = [];
    for (let i = 0; i < 40; i++) answers.push(await hitWindows(database.db, windows));
    expect(answers.map((hits) => hits.get('ip:a'))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(answers.at(-1)!.get('everyone')).toBe(40);
    expect(overLimit(answers[29]!, windows)).toBe(false);
    expect(overLimit(answers[30]!, windows)).toBe(true);
    // Spread over shards: 40 hits in one of 16 shards would be chance of 16^-39.
    expect((await rowsOf('ip:a')).shards).toBeGreaterThan(1);
    // The next window starts from nothing.
    const next = windowHits(new Map([['ip:a', 30]]), new Date(now.getTime() + 300_000), 300);
    expect((await hitWindows(database.db, next)).get('ip:a')).toBe(1);
  });

  it('loses no hit when many requests count at once', async () => {
    const windows = windowHits(
      new Map([
        ['ip:b', 1000],
        ['everyone-b', 1000],
      ]),
      new Date('2026-12-01T11:00:00Z'),
      300,
    );
    const answers = await Promise.all(Array.from({ length: 50 }, () => hitWindows(database.db, windows)));
    expect(await rowsOf('ip:b')).toMatchObject({ hits: 50 });
    expect(await rowsOf('everyone-b')).toMatchObject({ hits: 50 });
    // Each answer counts at least its own hit and never more than there were.
    for (const hits of answers) expect(hits.get('ip:b')).toBeGreaterThanOrEqual(1);
    expect(Math.max(...answers.map((hits) => hits.get('ip:b')!))).toBeLessThanOrEqual(50);
  });
});
