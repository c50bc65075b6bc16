import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDbKinds } from '../../test/test-db.ts';
import type { Database } from './database.ts';
import { logSerializers } from './log-safe-errors.ts';

/** The part of a log line these tests read. */
type LoggedError = { err: { type?: string; message: string; stack: string } };

const SECRET = 'kim.nilsson@example.com';

/** What a logger writes for `{ err }`, with or without the process's serializers. */
function logged(error: unknown, serializers?: typeof logSerializers): string {
  let text = '';
  const sink = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
  pino({ serializers }, sink).error({ err: error }, 'unhandled error');
  return text;
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describe.each(testDbKinds())('database errors in the log on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb(kind);
  });
  afterAll(() => database.close());

  it('show the statement, the SQLSTATE and the stack, never the parameters or the values the server quotes back', async () => {
    const badUuid = await failure(() => database.db.execute(sql`SELECT ${SECRET}::uuid AS id`));
    // jsonb refuses the lone surrogate (PostgreSQL 22P05, PGlite 22P02) and quotes it back.
    const badJson = await failure(() => database.db.execute(sql`SELECT ${JSON.stringify({ name: `${SECRET} \ud800` })}::jsonb AS doc`));
    // Without the serializers the parameters are there: the test would see a leak.
    expect(logged(badUuid)).toContain(SECRET);
    for (const [error, sqlState] of [
      [badUuid, '22P02'],
      [badJson, '22P0[25]'],
    ] as const) {
      const line = JSON.parse(logged(error, logSerializers)) as LoggedError;
      expect(JSON.stringify(line)).not.toContain(SECRET);
      expect(line.err.message).toMatch(new RegExp(`^Failed query: SELECT \\$1::(uuid|jsonb) AS (id|doc).*SQLSTATE ${sqlState}`));
      expect(line.err.stack).toContain('    at ');
    }
  });

  it('leave other errors as pino writes them', () => {
    const line = JSON.parse(logged(new TypeError('no such thing'), logSerializers)) as LoggedError;
    expect(line.err).toMatchObject({ type: 'TypeError', message: 'no such thing' });
  });
});
