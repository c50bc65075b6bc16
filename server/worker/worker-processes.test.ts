import type { ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ELKS_PASSWORD, ELKS_USER, startFakeSmsProvider, type FakeSmsProvider } from '../../test/fake-sms-provider.ts';
import { startNodeProcess } from '../../test/server-process.ts';
import { testConfig } from '../../test/test-app.ts';
import { createTestDb } from '../../test/test-db.ts';
import { systemClock } from '../core/clock.ts';
import type { Database } from '../db/database.ts';
import { createNotifications } from '../modules/notifications/index.ts';

/**
 * Separate `portvakt worker` processes on one PostgreSQL database, sending through a local
 * server that speaks the 46elks API. PGlite is one process's database, so these need
 * TEST_DATABASE_URL.
 */
const postgres = !!process.env.TEST_DATABASE_URL;
const config = testConfig();

let fake: FakeSmsProvider;
let database: Database & { url?: string };
const children = new Set<ChildProcess>();

async function startWorker(sender: string): Promise<ChildProcess> {
  const { child } = await startNodeProcess(
    ['server/cli.ts', 'worker'],
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      SECRET_KEY: config.secretKey,
      DATABASE_URL: database.url!,
      EMAIL_PROVIDER: 'dev',
      SMS_PROVIDER: '46elks',
      SMS_SENDER: sender,
      ELKS_BASE_URL: fake.baseUrl,
      ELKS_API_USERNAME: ELKS_USER,
      ELKS_API_PASSWORD: ELKS_PASSWORD,
      PROVIDER_TIMEOUT_SECONDS: '1',
      // Short, so the messages a killed worker held come back within the test.
      OUTBOX_LEASE_SECONDS: '3',
      OUTBOX_BATCH_SIZE: '20',
    },
    /outbox worker running/,
  );
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function enqueue(count: number, firstNumber: number): Promise<void> {
  const notifications = createNotifications({ clock: systemClock, keyRing: config.encryption, smsEstimatedCostOre: 45 });
  for (let start = 0; start < count; start += 250) {
    await database.db.transaction(async (tx) => {
      for (let i = start; i < Math.min(count, start + 250); i += 1) {
        await notifications.enqueue(tx, {
          channel: 'sms',
          to: `+4676${String(firstNumber + i).padStart(7, '0')}`,
          language: 'sv',
          template: 'login_code',
          vars: { code: String(i).padStart(6, '0'), minutes: 5 },
        });
      }
    });
  }
}

async function statusCounts(): Promise<Record<string, number>> {
  const result = (await database.db.execute(sql`SELECT status, count(*)::int AS n FROM outbox GROUP BY status`)) as unknown as { rows: Array<{ status: string; n: number }> };
  return Object.fromEntries(result.rows.map((r) => [r.status, Number(r.n)]));
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; outbox: ${JSON.stringify(await statusCounts())}, accepted: ${fake.accepted.length}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function expectEachOnce(recipients: string[]): void {
  const seen = new Map<string, number>();
  for (const m of fake.accepted) seen.set(m.to, (seen.get(m.to) ?? 0) + 1);
  const twice = [...seen].filter(([, n]) => n > 1);
  expect(twice).toEqual([]);
  expect(recipients.filter((r) => !seen.has(r))).toEqual([]);
  expect(fake.accepted).toHaveLength(recipients.length);
}

const recipients = (count: number, first: number) => Array.from({ length: count }, (_, i) => `+4676${String(first + i).padStart(7, '0')}`);

describe.runIf(postgres)('outbox worker processes on PostgreSQL', () => {
  beforeAll(async () => {
    fake = await startFakeSmsProvider({ latencyMs: 25 });
  });
  afterAll(() => fake.close());
  afterEach(async () => {
    for (const child of children) child.kill('SIGKILL');
    await database?.close();
    fake.accepted.length = 0;
  });

  it('kill -9 in the middle of 1,000 messages: after a restart every message is delivered, none twice', async () => {
    database = await createTestDb('postgres', 4);
    await enqueue(1000, 0);
    const first = await startWorker('MinaSidor');
    // Killed the moment the provider accepts the 300th message, before the worker hears back.
    await fake.whenAccepted(300);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    // The crash left messages the provider accepted that the outbox does not know were sent.
    const atCrash = await statusCounts();
    expect(fake.accepted.length).toBeGreaterThan(atCrash.sent ?? 0);
    expect(atCrash.sending ?? 0).toBeGreaterThan(0);

    await startWorker('MinaSidor');
    await waitFor(async () => (await statusCounts()).sent === 1000, 45_000, 'all 1,000 sent');
    expectEachOnce(recipients(1000, 0));
    // The restarted worker settled the interrupted attempts by asking the provider.
    expect(fake.lookups).toBeGreaterThan(0);
  }, 90_000);

  it('two workers share the queue without sending anything twice', async () => {
    database = await createTestDb('postgres', 4);
    await Promise.all([startWorker('WorkerA'), startWorker('WorkerB')]);
    await enqueue(400, 5000);
    await waitFor(async () => (await statusCounts()).sent === 400, 45_000, 'all 400 sent');
    expectEachOnce(recipients(400, 5000));
    expect(fake.accepted.filter((m) => m.from === 'WorkerA').length).toBeGreaterThan(0);
    expect(fake.accepted.filter((m) => m.from === 'WorkerB').length).toBeGreaterThan(0);
  }, 90_000);
});

describe.skipIf(postgres)('outbox worker processes', () => {
  it.skip('need PostgreSQL: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run the kill -9 and two-worker tests', () => {});
});
