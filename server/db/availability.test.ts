import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { buildApp } from '../http/app.ts';
import { createServices } from '../services.ts';
import { createTestDb } from '../../test/test-db.ts';
import { testConfig } from '../../test/test-app.ts';
import { startTcpProxy, type TcpProxy } from '../../test/tcp-proxy.ts';
import { isDatabaseGone, isDatabaseUnavailable } from './availability.ts';
import { createDatabase } from './database.ts';
import type { Problem } from '../../contract/problem.ts';

describe('telling a gone database from a failed statement', () => {
  it.each([
    ['refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['connection exception', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['driver words only', new Error('Connection terminated unexpectedly')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['client read timeout', new Error('Query read timeout')],
    ['wrapped by the query builder', new Error('Failed query: select 1', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })],
  ])('%s is a gone database', (_name, error) => {
    expect(isDatabaseGone(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('a statement cut off by statement_timeout answers 503 but does not mark the database gone', () => {
    const timeout = new Error('Failed query', { cause: Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }) });
    expect(isDatabaseUnavailable(timeout)).toBe(true);
    expect(isDatabaseGone(timeout)).toBe(false);
  });

  it.each([
    ['unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error', 'boom'],
  ])('%s is not the database being gone', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

/** Log lines of the app, as parsed JSON objects. */
function captureLog() {
  const lines: { msg: string; level: number }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { msg: string; level: number });
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines, count: (msg: string) => lines.filter((l) => l.msg.startsWith(msg)).length };
}

async function eventually(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never: ${what}`);
}

// The outage is played by a proxy in front of a real PostgreSQL server; PGlite cannot go away.
describe.skipIf(!process.env.TEST_DATABASE_URL)('a PostgreSQL outage', () => {
  let proxy: TcpProxy;
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let close: () => Promise<void>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const log = captureLog();

  beforeAll(async () => {
    testDb = await createTestDb('postgres');
    const url = new URL(testDb.url!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    const database = await createDatabase({ url: url.toString(), schema: 'none', poolSize: 4, timeouts: { connectMs: 1000, statementMs: 1000, idleInTransactionMs: 5000 } });
    const services = createServices({ config: testConfig(), database, clock: new ManualClock(), logger: log.logger });
    app = await buildApp({ services });
    await app.ready();
    close = async () => {
      await app.close();
      services.providers.close();
      await database.close();
    };
  });

  afterAll(async () => {
    await close?.();
    await proxy?.close();
    await testDb?.close();
  });

  const signIn = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.com', password: 'not the password' } });
  const ready = async () => (await app.inject({ method: 'GET', url: '/ready' })).statusCode;

  it('answers 503 with Retry-After while the server is stopped, logs it once, and recovers', async () => {
    expect((await signIn()).statusCode).toBe(401);
    expect(await ready()).toBe(200);

    await proxy.stop();
    const answers = await Promise.all(Array.from({ length: 12 }, signIn));
    for (const answer of answers) {
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['retry-after']).toBe('5');
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.json<Problem>().code).toBe('service_unavailable');
    }
    expect(await ready()).toBe(503);
    expect(log.count('database unavailable')).toBe(1);
    expect(log.count('unhandled error')).toBe(0);

    await proxy.start();
    await eventually(async () => (await ready()) === 200, 'ready again');
    expect((await signIn()).statusCode).toBe(401);
    expect(log.count('database available again')).toBe(1);
  });

  it('answers 503 instead of hanging while the database is frozen, and /ready says so at once', async () => {
    proxy.freeze();
    expect(await ready()).toBe(503);
    const answer = await signIn();
    expect(answer.statusCode).toBe(503);
    expect(answer.json<Problem>().code).toBe('service_unavailable');
    expect(log.count('unhandled error')).toBe(0);

    proxy.thaw();
    await eventually(async () => (await ready()) === 200, 'ready after the freeze');
    expect((await signIn()).statusCode).toBe(401);
  });

  it('a start against a database that accepts and never answers gives up after the connect timeout', async () => {
    proxy.freeze();
    try {
      const url = new URL(testDb.url!);
      url.host = `127.0.0.1:${proxy.port}`;
      await expect(createDatabase({ url: url.toString(), timeouts: { connectMs: 500, statementMs: 1000, idleInTransactionMs: 5000 } })).rejects.toThrow(/timeout/i);
    } finally {
      proxy.thaw();
    }
  });
});
