import { DrizzleQueryError } from 'drizzle-orm';
import pino from 'pino';

export interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  severity?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  stack?: unknown;
  cause?: unknown;
}

/** The error and the causes it wraps (a driver error inside Drizzle's query error). */
export function* causes(error: unknown): Generator<ErrorLike> {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as ErrorLike).cause) yield e as ErrorLike;
}

/** A server's own report (PostgreSQL or PGlite): its message and detail can quote the values it refused. */
function isServerError(e: ErrorLike): boolean {
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && e.severity !== undefined;
}

/** A field of a driver's error as text, when it is one. */
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function describe(e: ErrorLike): string {
  if (e instanceof DrizzleQueryError) return `Failed query: ${e.query}`;
  if (isServerError(e)) {
    const where = [text(e.table) && `table ${text(e.table)}`, text(e.column) && `column ${text(e.column)}`, text(e.constraint) && `constraint ${text(e.constraint)}`].filter(Boolean);
    return `SQLSTATE ${text(e.code)}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
  }
  return text(e.message) ?? text(e.name) ?? 'error';
}

/**
 * Describe a database failure without the statement's parameters or the values the server
 * quotes back (addresses, names, tokens' hashes): the statement text with its placeholders,
 * the SQLSTATE and the constraint say what went wrong.
 */
export function databaseErrorReason(error: unknown): string | undefined {
  const chain = [...causes(error)];
  if (!chain.some((e) => e instanceof DrizzleQueryError || isServerError(e))) return undefined;
  return chain.map(describe).join(': ');
}

/** pino's `err` serializer, with database failures reduced to `databaseErrorReason` and the stack's frames. */
export function serializeError(error: unknown): unknown {
  const reason = databaseErrorReason(error);
  if (reason === undefined) return pino.stdSerializers.err(error as Error);
  const type = (error as object).constructor.name;
  const stack = (error as ErrorLike).stack;
  const frames = typeof stack === 'string' ? stack.split('\n').filter((line) => line.startsWith('    at ')) : [];
  return { type, message: reason, stack: [`${type}: ${reason}`, ...frames].join('\n') };
}

/** Serializers for every logger of the process. */
export const logSerializers = { err: serializeError };
