import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { checkSchema, runMigrations } from './migrate.ts';

export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; services pass it down so a change and its outbox rows commit together. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: stores accept both. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Subscribe to NOTIFY on a channel; returns an unsubscribe function. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; without it PGlite is used. */
  url?: string;
  /** PGlite data directory; undefined = in memory. */
  dataDir?: string;
  poolSize?: number;
  /**
   * migrate: apply pending migrations (the server's start, `portvakt migrate`, tests); check: read
   * only, refuse a schema that does not match this code (every other process); none: as it is.
   */
  schema?: 'migrate' | 'check' | 'none';
  timeouts?: DatabaseTimeouts;
}

/** How long PostgreSQL may take before a request gives up with 503 instead of hanging (ADR 53). */
export interface DatabaseTimeouts {
  /** To get a connection (new or from the pool). */
  connectMs: number;
  /** One statement, cancelled by the server; the client gives up a second later if the server is gone. */
  statementMs: number;
  /** A transaction left open without a statement is ended by the server. */
  idleInTransactionMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 5000, statementMs: 15_000, idleInTransactionMs: 30_000 };

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.url ? await openPostgres(options.url, options.poolSize ?? 10, options.timeouts ?? DEFAULT_DATABASE_TIMEOUTS) : await openPglite(options.dataDir);
  try {
    if ((options.schema ?? 'migrate') === 'migrate') await runMigrations(database.db);
    else if (options.schema === 'check') await checkSchema(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // PGlite does not guard its folder: a second process would write beside the first and lose
  // acknowledged writes (ADR 7). The lock is taken before PGlite reads anything.
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  try {
    await client.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: 'pglite',
    async listen(channel, onNotify) {
      const unsubscribe = await client.listen(channel, onNotify);
      return async () => unsubscribe();
    },
    async close() {
      await client.close();
      unlock();
    },
  };
}

/** How long a pooled connection may sit idle before it is closed (node-postgres' default is 10 s). */
const IDLE_CONNECTION_MS = 5 * 60_000;

async function openPostgres(url: string, poolSize: number, timeouts: DatabaseTimeouts): Promise<Database> {
  // Connections are kept through quiet minutes: each holds the hot statements prepared on it
  // (ADR 6), and a new one costs PostgreSQL a backend start and a parse and plan of each again.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    // A server that vanished (packets dropped) never cancels anything: the client gives up itself.
    query_timeout: timeouts.statementMs + 1000,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    keepAlive: true,
  });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const listeners: pg.Client[] = [];
  return {
    db: drizzlePg(pool) as unknown as Db,
    kind: 'postgres',
    async listen(channel, onNotify) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeouts.connectMs, keepAlive: true });
      client.on('error', () => {});
      await client.connect();
      client.on('notification', (msg) => msg.channel === channel && onNotify());
      await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end().catch(() => {});
      };
    },
    async close() {
      await Promise.all(listeners.splice(0).map((c) => c.end().catch(() => {})));
      await pool.end();
    },
  };
}
