import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any fixed number: serialises migration runs of several processes starting at once. */
const MIGRATION_LOCK = 7_311_042;

export function migrationFiles(): string[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

/** Apply checked-in SQL migrations in order, each once, each in its own transaction. */
export async function runMigrations(db: Db): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = (await tx.execute(sql`SELECT name FROM schema_migrations`)) as unknown as { rows: Array<{ name: string }> };
    const doneNames = new Set(done.rows.map((r) => r.name));
    for (const file of migrationFiles()) {
      if (doneNames.has(file)) continue;
      for (const statement of splitStatements(readFileSync(join(migrationsDir, file), 'utf8'))) {
        await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`INSERT INTO schema_migrations (name) VALUES (${file})`);
      applied.push(file);
    }
  });
  return applied;
}

/** Statements end with ";" at the end of a line; PGlite runs one statement per query. */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
