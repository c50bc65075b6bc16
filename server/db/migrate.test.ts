import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, testDbKinds } from '../../test/test-db.ts';
import type { Database } from './database.ts';
import { checkSchema, migrationFiles, runMigrations, SchemaMismatchError } from './migrate.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A migrations folder of its own: name → SQL. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'portvakt-migrations-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const first = { '0001_first.sql': 'CREATE TABLE first_table (id int);\n' };
const both = { ...first, '0002_second.sql': 'CREATE TABLE second_table (id int);\n' };

async function tables(database: Database): Promise<string[]> {
  const result = (await database.db.execute(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`)) as unknown as {
    rows: Array<{ table_name: string }>;
  };
  return result.rows.map((r) => r.table_name);
}

describe.each(testDbKinds())('migrations on %s', (kind) => {
  async function emptyDatabase(): Promise<Database> {
    const database = await createTestDb(kind, 2, 'none');
    cleanups.push(() => database.close());
    return database;
  }

  it('a check changes nothing and refuses a schema that is behind, naming the command that migrates', async () => {
    const database = await emptyDatabase();
    await expect(checkSchema(database.db, migrationFiles(folder(both)))).rejects.toThrow(/behind .*2 migrations from 0001_first\.sql.*portvakt migrate/);
    expect(await tables(database)).toEqual([]);

    await runMigrations(database.db, migrationFiles(folder(first)));
    await expect(checkSchema(database.db, migrationFiles(folder(both)))).rejects.toThrow(/1 migration from 0002_second\.sql not applied/);
  });

  it('applies each migration once with its checksum, after which the check passes', async () => {
    const database = await emptyDatabase();
    const files = migrationFiles(folder(both));
    expect(await runMigrations(database.db, files)).toEqual(['0001_first.sql', '0002_second.sql']);
    expect(await runMigrations(database.db, files)).toEqual([]);
    await expect(checkSchema(database.db, files)).resolves.toBeUndefined();
    const recorded = (await database.db.execute(sql`SELECT name, checksum FROM schema_migrations ORDER BY name`)) as unknown as { rows: Array<{ checksum: string }> };
    expect(recorded.rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
  });

  it('refuses a database migrated by a newer version, applying nothing', async () => {
    const database = await emptyDatabase();
    await runMigrations(database.db, migrationFiles(folder({ '0002_second.sql': both['0002_second.sql'] })));
    const older = migrationFiles(folder(first));
    for (const attempt of [runMigrations(database.db, older), checkSchema(database.db, older)]) {
      await expect(attempt).rejects.toThrow(SchemaMismatchError);
    }
    await expect(runMigrations(database.db, older)).rejects.toThrow(/newer than this version of Portvakt \(it has 0002_second\.sql\)/);
    expect(await tables(database)).not.toContain('first_table');
  });

  it('refuses an applied migration whose file changed since', async () => {
    const database = await emptyDatabase();
    await runMigrations(database.db, migrationFiles(folder(first)));
    const edited = migrationFiles(folder({ '0001_first.sql': 'CREATE TABLE first_table (id bigint);\n', '0002_second.sql': both['0002_second.sql'] }));
    await expect(runMigrations(database.db, edited)).rejects.toThrow(/Migration 0001_first\.sql changed after it was applied/);
    await expect(checkSchema(database.db, edited)).rejects.toThrow(/0001_first\.sql changed/);
    expect(await tables(database)).not.toContain('second_table');
  });

  it('reads a file with Windows line endings as the same migration', async () => {
    const database = await emptyDatabase();
    await runMigrations(database.db, migrationFiles(folder({ '0001_first.sql': 'CREATE TABLE first_table (\n  id int\n);\n' })));
    await expect(checkSchema(database.db, migrationFiles(folder({ '0001_first.sql': 'CREATE TABLE first_table (\r\n  id int\r\n);\r\n' })))).resolves.toBeUndefined();
  });

  it('records the checksums of a database migrated before checksums were kept, then guards them', async () => {
    const database = await emptyDatabase();
    await database.db.execute(sql`CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    await database.db.execute(sql`CREATE TABLE first_table (id int)`);
    await database.db.execute(sql`INSERT INTO schema_migrations (name) VALUES ('0001_first.sql')`);

    await expect(checkSchema(database.db, migrationFiles(folder(first)))).resolves.toBeUndefined();
    expect(await runMigrations(database.db, migrationFiles(folder(both)))).toEqual(['0002_second.sql']);
    await expect(checkSchema(database.db, migrationFiles(folder({ ...both, '0001_first.sql': 'CREATE TABLE first_table (id text);\n' })))).rejects.toThrow(/0001_first\.sql changed/);
  });
});
