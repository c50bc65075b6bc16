import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/test-db.ts';
import type { Database } from './database.ts';
import { executePrepared } from './prepared.ts';

type Rows = { rows: Array<Record<string, unknown>> };
const run = async (database: Database, label: string, statement: ReturnType<typeof sql>) => ((await executePrepared(database.db, label, statement)) as Rows).rows;

describe('executePrepared on PGlite', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb('pglite');
  });
  afterAll(() => database.close());

  it('answers as db.execute does, values as parameters', async () => {
    expect(await run(database, 'sum', sql`SELECT ${2}::int + ${3}::int AS n`)).toEqual([{ n: 5 }]);
    expect(await run(database, 'sum', sql`SELECT ${40}::int + ${2}::int AS n`)).toEqual([{ n: 42 }]);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('executePrepared on PostgreSQL', () => {
  let database: Database;
  // One connection, so the statements prepared by one call are visible to the next.
  beforeAll(async () => {
    database = await createTestDb('postgres', 1);
  });
  afterAll(() => database.close());

  const prepared = async (label: string) => (await database.db.execute(sql`SELECT name FROM pg_prepared_statements WHERE name LIKE ${`${label}\\_%`} ORDER BY name`)) as unknown as Rows;

  it('prepares a statement once per connection and runs it with each call’s values', async () => {
    const add = (a: number, b: number) => run(database, 'adding', sql`SELECT ${a}::int + ${b}::int AS n`);
    expect(await add(2, 3)).toEqual([{ n: 5 }]);
    expect(await add(40, 2)).toEqual([{ n: 42 }]);
    expect((await prepared('adding')).rows).toHaveLength(1);
  });

  it('gives a statement of another shape under the same label a name of its own', async () => {
    expect(await run(database, 'shape', sql`SELECT ${1}::int AS n`)).toEqual([{ n: 1 }]);
    expect(await run(database, 'shape', sql`SELECT ${1}::int * 10 AS n`)).toEqual([{ n: 10 }]);
    expect(await run(database, 'shape', sql`SELECT ${2}::int AS n`)).toEqual([{ n: 2 }]);
    expect((await prepared('shape')).rows).toHaveLength(2);
  });
});
