import { ConfigError } from './config/config.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { causes, type ErrorLike } from './db/log-safe-errors.ts';
import { SchemaMismatchError } from './db/migrate.ts';

/** What a failed start was trying to use, read from the same environment the start read. */
export interface StartSettings {
  PORT?: string;
  HOST?: string;
  DATA_DIR?: string;
  DATABASE_URL?: string;
}

/** A refusal whose message explains it in one line (what is wrong, what to do); no stack trace. */
export class ExplainedError extends Error {
  override name = 'ExplainedError';
}

/** A wrapped error's fields this file reads, beyond those of the cause chain. */
type Layer = ErrorLike & { path?: unknown; errors?: unknown };

/** A layer's message, when it has one that is text. */
function textOf(message: unknown): string {
  return typeof message === 'string' ? message : '';
}

/** The error and everything it wraps: its causes, and the attempts of an AggregateError. */
function* layers(error: unknown): Generator<Layer> {
  for (const e of causes(error) as Generator<Layer>) {
    yield e;
    if (Array.isArray(e.errors)) for (const inner of e.errors) yield* layers(inner);
  }
}

function codeOf(error: unknown): { code: string; path?: string; message: string } | undefined {
  for (const e of layers(error)) {
    if (typeof e.code === 'string') return { code: e.code, path: typeof e.path === 'string' ? e.path : undefined, message: textOf(e.message) };
  }
  return undefined;
}

/** host:port/database of a DATABASE_URL, never its password. */
function databaseName(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? '');
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * One line that says what is wrong and what to do, for every start failure an operator can fix
 * (settings, the database, the data folder, the address); the stack only for anything else.
 */
export function describeStartFailure(error: unknown, settings: StartSettings): string {
  if (error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof ExplainedError || error instanceof SchemaMismatchError) return error.message;
  const port = settings.PORT ?? '3000';
  const host = settings.HOST ?? '127.0.0.1';
  const dataDir = settings.DATA_DIR ?? './data';
  const database = databaseName(settings.DATABASE_URL);
  const found = codeOf(error);
  const message = [...layers(error)].map((e) => textOf(e.message)).join(' ');
  switch (found?.code) {
    case 'EADDRINUSE':
      return `Cannot listen on ${host}:${port}: the port is in use by another process. Stop that process or set PORT to a free port.`;
    case 'EADDRNOTAVAIL':
      return `Cannot listen on ${host}:${port}: ${host} is not an address of this machine. Set HOST to one of its addresses, or 0.0.0.0 for all.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      if (found.path) return `Cannot write the data folder ${dataDir} (${found.code} on ${found.path}). Give the server's user write access or set DATA_DIR to a writable folder.`;
      return `Cannot listen on ${host}:${port} (${found.code}): ports below 1024 need privileges. Set PORT to 1024 or above.`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `DATA_DIR ${dataDir} is not a folder (${found.code} on ${found.path ?? dataDir}). Set DATA_DIR to a folder, or remove the file in its way.`;
    case 'ECONNREFUSED':
      return `Cannot reach the database at ${database}: connection refused. Is PostgreSQL running there, and are the host and port in DATABASE_URL right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach the database at ${database}: the host name is not known. Check the host in DATABASE_URL.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `Cannot reach the database at ${database} (${found.code}). Check DATABASE_URL and that the network lets this machine reach it.`;
    case '28P01':
    case '28000':
      return `The database at ${database} refused the user name or password in DATABASE_URL (${found.code}). Check them.`;
    case '3D000':
      return `The database at ${database} does not exist. Create it (createdb, or CREATE DATABASE) or fix the name in DATABASE_URL.`;
  }
  if (/timeout exceeded when trying to connect|connection timeout/i.test(message)) {
    return `The database at ${database} did not answer within DATABASE_CONNECT_TIMEOUT_SECONDS. Check that DATABASE_URL points at PostgreSQL and that it is up.`;
  }
  return `Portvakt failed to start: ${error instanceof Error ? error.stack : String(error)}`;
}
