import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../server/core/clock.ts';
import { createServices, type Services } from '../server/services.ts';
import { makeAccount } from './factories.ts';
import { startServerProcess, sumCounter, type ServerProcess } from './server-process.ts';
import { TEST_PASSWORD, testConfig } from './test-app.ts';
import { createTestDb } from './test-db.ts';

const SECRET_KEY = 'race-test-secret-key-0123456789-abcdefghijklmnop';
const hasPostgres = !!process.env.TEST_DATABASE_URL;

/**
 * SPEC §3.7: the counter is exact under concurrency and across processes. Fifty guesses at once,
 * spread over two server processes sharing one PostgreSQL, may evaluate at most four.
 */
describe.skipIf(!hasPostgres)('lockout under a concurrent attack on two server processes (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createTestDb>>;
  let services: Services;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDb('postgres', 4);
    services = createServices({ config: testConfig({ SECRET_KEY }), database, clock: systemClock, logger: pino({ level: 'silent' }) });
    const env = {
      DATABASE_URL: database.url!,
      SECRET_KEY,
      WORKER: 'off',
      LOGIN_RATE_LIMIT_PER_IP: '100000',
      LOGIN_RATE_LIMIT_GLOBAL: '1000000',
      DATABASE_POOL_SIZE: '20',
    };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.close();
  });

  const post = (server: ServerProcess, path: string, body: unknown) =>
    fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function evaluated(kind: 'password' | 'code', outcome: 'match' | 'mismatch'): Promise<number> {
    const texts = await Promise.all(servers.map(async (s) => (await fetch(`${s.url}/metrics`)).text()));
    return texts.reduce((sum, text) => sum + sumCounter(text, 'portvakt_credential_checks_total', { kind, outcome }), 0);
  }

  it('50 concurrent wrong passwords: locked, and at most 4 were evaluated', async () => {
    const account = await makeAccount(services);
    const before = await evaluated('password', 'mismatch');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(servers[i % 2]!, '/auth/login', { email: account.email, password: `guess number ${i}` })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect((await evaluated('password', 'mismatch')) - before).toBeLessThanOrEqual(4);

    const correct = await post(servers[0]!, '/auth/login', { email: account.email, password: TEST_PASSWORD });
    expect(correct.status).toBe(423);
    expect(Number(correct.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('50 concurrent wrong codes: locked, and at most 4 were evaluated', async () => {
    const account = await makeAccount(services);
    const step1 = await post(servers[0]!, '/auth/login', { email: account.email, password: TEST_PASSWORD });
    const { flowId } = (await step1.json()) as { flowId: string };
    const before = await evaluated('code', 'mismatch');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(servers[i % 2]!, '/auth/login/verify', { flowId, code: String(100000 + i * 7919).slice(0, 6) })));
    const statuses = answers.map((r) => r.status);
    // A guess may hit the real code by chance; everything else is refused.
    expect(statuses.every((s) => s === 401 || s === 423 || s === 200)).toBe(true);
    expect((await evaluated('code', 'mismatch')) - before).toBeLessThanOrEqual(4);
    if (!statuses.includes(200)) {
      const again = await post(servers[1]!, '/auth/login', { email: account.email, password: TEST_PASSWORD });
      expect(again.status).toBe(423);
    }
  });
});
