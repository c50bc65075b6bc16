import { createHash } from 'node:crypto';
import pg from 'pg';
import { hashToken, newToken } from '../../server/core/tokens.ts';

/** Account n's id: deterministic, so the baseline can address the same rows without a lookup. */
export function accountId(n: number): string {
  const hex = createHash('md5').update(`pv-bench-account:${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const accountEmail = (n: number) => `bench-${n}@example.com`;

export interface Seeded {
  accounts: number;
  /** Session tokens in account order: tokens[i] belongs to account i + 1. */
  tokens: string[];
  seconds: number;
}

/**
 * 100 000 accounts (one precomputed argon2id hash for all, a verified mobile number each) with
 * one live web session each. Accounts come from generate_series; sessions from arrays of token
 * hashes made here with the server's own hashToken, in batches of 10 000 rows.
 */
export async function seed(url: string, count: number, passwordHash: string): Promise<Seeded> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO accounts (id, email, name, phone, phone_verified_at, email_verified_at, language, password_hash, status, two_factor_enabled, created_at, updated_at)
       SELECT md5('pv-bench-account:' || n)::uuid, 'bench-' || n || '@example.com', 'Bench User ' || n,
              '+4670' || lpad(n::text, 7, '0'), now(), now(), CASE WHEN n % 5 = 0 THEN 'en' ELSE 'sv' END,
              $1, 'active', true, now(), now()
       FROM generate_series(1, $2::int) AS n`,
      [passwordHash, count],
    );
    const tokens = Array.from({ length: count }, () => newToken());
    const batch = 10_000;
    for (let from = 0; from < count; from += batch) {
      const numbers: number[] = [];
      const hashes: string[] = [];
      for (let i = from; i < Math.min(count, from + batch); i++) {
        numbers.push(i + 1);
        hashes.push(hashToken(tokens[i]!));
      }
      await client.query(
        `INSERT INTO sessions (id, account_id, client, token_hash, token_expires_at, absolute_expires_at, second_factor, step_up_at, created_at, last_seen_at, ip, user_agent)
         SELECT md5('pv-bench-session:' || t.n)::uuid, md5('pv-bench-account:' || t.n)::uuid, 'web', t.h,
                now() + interval '1 hour', now() + interval '12 hours', 'sms', now(), now(), now(), '127.0.0.1', 'portvakt-bench'
         FROM unnest($1::int[], $2::text[]) AS t(n, h)`,
        [numbers, hashes],
      );
    }
    await client.query('ANALYZE accounts');
    await client.query('ANALYZE sessions');
    return { accounts: count, tokens, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

/**
 * Mark every session not seen in the last 30 s as seen now, so that none is older than the
 * server's one-minute gap during the next round: GET /me then reads without the sliding-expiry
 * write, which is what the session-read figure is about. Returns the time after the update;
 * sessions seen later were written by the server (counted as slidingExpiryWrites, expected 0).
 */
export async function markSessionsSeen(url: string): Promise<Date> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("UPDATE sessions SET last_seen_at = now() WHERE last_seen_at < now() - interval '30 seconds'");
    await client.query('VACUUM ANALYZE sessions');
    // Read after the update committed: a later transaction has a later now().
    const { rows } = await client.query<{ now: Date }>('SELECT now() AS now');
    return rows[0]!.now;
  } finally {
    await client.end();
  }
}
