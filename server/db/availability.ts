import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from './database.ts';
import { causes, databaseErrorReason } from './log-safe-errors.ts';

/** Socket errors of a database that is stopped, unreachable or gone. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs of a server that is shutting down, starting or full (class 08 is every connection exception). */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres says these in words only. */
const DRIVER_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection is closed/i;
/** query_canceled: a statement ran past the statement timeout. */
const STATEMENT_TIMEOUT = '57014';

/** Whether the database itself failed (gone, refusing, frozen), as opposed to a statement or rule. */
export function isDatabaseGone(error: unknown): boolean {
  for (const e of causes(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (SOCKET_ERRORS.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08')) return true;
    if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** Whether a request should answer 503 for this error: the database is gone or too slow to answer. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isDatabaseGone(error) || [...causes(error)].some((e) => e.code === STATEMENT_TIMEOUT);
}

/** Resolves with the query's outcome or rejects once `ms` have passed, whichever comes first. */
export async function withinMs<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface AvailabilityOptions {
  db: Db;
  logger: Logger;
  /** How often a gone database is asked whether it is back. */
  probeEveryMs?: number;
}

/**
 * Knows whether the database is there. The first failure is logged once and starts a probe;
 * while it is gone requests answer 503 at once instead of each waiting for its own timeout,
 * and the probe logs once when it is back. A restarted server is noticed within a probe.
 */
export function createDatabaseAvailability(options: AvailabilityOptions) {
  const probeEveryMs = options.probeEveryMs ?? 500;
  let goneSince: number | undefined;
  let timer: NodeJS.Timeout | undefined;

  const probe = async () => {
    try {
      await withinMs(probeEveryMs * 4, options.db.execute(sql`SELECT 1`));
      options.logger.info({ unavailableMs: Date.now() - goneSince! }, 'database available again');
      goneSince = undefined;
    } catch {
      timer = setTimeout(() => void probe(), probeEveryMs).unref();
    }
  };

  return {
    get available(): boolean {
      return goneSince === undefined;
    },
    /** Called with any error of a request or job; only a gone database changes the state. */
    report(error: unknown): void {
      if (goneSince !== undefined || !isDatabaseGone(error)) return;
      goneSince = Date.now();
      // The socket's code says it best; a query error's message would carry its parameters.
      const code = [...causes(error)].map((e) => e.code).find((c): c is string => typeof c === 'string');
      const reason = code ?? databaseErrorReason(error) ?? (error instanceof Error ? error.message : 'unknown');
      options.logger.error({ reason }, 'database unavailable: answering 503 until it is back');
      timer = setTimeout(() => void probe(), probeEveryMs).unref();
    },
    stop(): void {
      clearTimeout(timer);
    },
  };
}

export type DatabaseAvailability = ReturnType<typeof createDatabaseAvailability>;
