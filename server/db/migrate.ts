import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any fixed number: serialises migration runs of several processes starting at once. */
const MIGRATION_LOCK = 7_311_042;

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of the text with Unix line endings, so a checkout on Windows reads the same. */
  checksum: string;
}

interface AppliedMigration {
  name: string;
  /** Null for a migration applied before checksums were kept; the next `migrate` records it. */
  checksum: string | null;
}

/** The database and this code disagree in a way only an operator can settle (ADR 3). */
export class SchemaMismatchError extends Error {
  override name = 'SchemaMismatchError';
}

export function migrationFiles(dir = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Apply the checked-in migrations in order, each once, in one transaction under an advisory lock;
 * refuses (applying nothing) a database with migrations this code does not know or whose
 * applied files were changed since. Returns the names applied.
 */
export async function runMigrations(db: Db, files = migrationFiles()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now(), checksum text)`);
    // Bookkeeping of databases migrated before checksums were kept.
    await tx.execute(sql`ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text`);
    const applied = await appliedMigrations(tx);
    const pending = pendingAfterChecks(applied, files);
    for (const file of files.filter((f) => applied.some((a) => a.name === f.name && a.checksum === null))) {
      await tx.execute(sql`UPDATE schema_migrations SET checksum = ${file.checksum} WHERE name = ${file.name}`);
    }
    for (const file of pending) {
      for (const statement of splitStatements(file.sql)) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO schema_migrations (name, checksum) VALUES (${file.name}, ${file.checksum})`);
    }
    return pending.map((f) => f.name);
  });
}

/**
 * For every process that does not migrate (the worker, the CLI's other commands, the server with
 * MIGRATE_ON_START=false): read only, and refuse a schema that is behind, ahead or changed.
 */
export async function checkSchema(db: Db, files = migrationFiles()): Promise<void> {
  const table = (await db.execute(sql`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`)) as unknown as { rows: Array<{ present: boolean }> };
  const applied = table.rows[0]?.present ? await appliedMigrations(db) : [];
  const pending = pendingAfterChecks(applied, files);
  if (pending.length) {
    throw new SchemaMismatchError(
      `The database schema is behind this version of Portvakt (${pending.length} migration${pending.length === 1 ? '' : 's'} from ${pending[0]!.name} not applied): run portvakt migrate, or start the server with MIGRATE_ON_START=true`,
    );
  }
}

async function appliedMigrations(db: Executor): Promise<AppliedMigration[]> {
  // SELECT *: a database from before checksums has no such column, and a check must not add it.
  const result = (await db.execute(sql`SELECT * FROM schema_migrations ORDER BY name`)) as unknown as { rows: Array<{ name: string; checksum?: string | null }> };
  return result.rows.map((r) => ({ name: r.name, checksum: r.checksum ?? null }));
}

/** The files not applied yet, once the database is known to be neither newer nor changed. */
export function pendingAfterChecks(applied: AppliedMigration[], files: MigrationFile[]): MigrationFile[] {
  const known = new Map(files.map((f) => [f.name, f]));
  const unknown = applied.filter((a) => !known.has(a.name)).map((a) => a.name);
  if (unknown.length) {
    throw new SchemaMismatchError(`The database schema is newer than this version of Portvakt (it has ${unknown.join(', ')}): run the version that migrated it, or a newer one`);
  }
  const changed = applied.filter((a) => a.checksum !== null && a.checksum !== known.get(a.name)!.checksum).map((a) => a.name);
  if (changed.length) {
    throw new SchemaMismatchError(`Migration ${changed.join(', ')} changed after it was applied: put the file back as it was and make the change in a new migration`);
  }
  const done = new Set(applied.map((a) => a.name));
  return files.filter((f) => !done.has(f.name));
}

/** Statements end with ";" at the end of a line; PGlite runs one statement per query. */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
