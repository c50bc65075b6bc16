import type { FastifyInstance, RouteOptions } from 'fastify';
import pino from 'pino';
import { loadConfig, type Config } from '../server/config/config.ts';
import { ManualClock } from '../server/core/clock.ts';
import { buildApp } from '../server/http/app.ts';
import { listDevMessages } from '../server/modules/notifications/index.ts';
import { createServices, type Services } from '../server/services.ts';
import { createTestDb, type TestDbKind } from './test-db.ts';

export const TEST_PASSWORD = 'korrekt häst batteri häftklammer';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    // High enough that only the rate-limit tests meet it.
    LOGIN_RATE_LIMIT_PER_IP: '100000',
    LOGIN_RATE_LIMIT_GLOBAL: '1000000',
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  clock: ManualClock;
  /** Deliver every queued message to the dev inbox now. */
  deliver(): Promise<number>;
  /** The newest message the dev inbox received for an address. */
  latestMessage(to: string): Promise<{ subject: string | null; body: string; channel: string } | undefined>;
  /** The six-digit code in the newest message to an address. */
  latestCode(to: string): Promise<string>;
  close: () => Promise<void>;
}

export async function createTestApp(options: { db?: TestDbKind; env?: Record<string, string>; onRoute?: (route: RouteOptions) => void; logger?: pino.Logger } = {}): Promise<TestApp> {
  const database = await createTestDb(options.db ?? 'pglite');
  const clock = new ManualClock();
  const config = testConfig(options.env);
  const services = createServices({ config, database, clock, logger: options.logger ?? pino({ level: 'silent' }) });
  const app = await buildApp({ services, onRoute: options.onRoute });
  await app.ready();
  const deliver = () => services.worker.drain();
  const latestMessage = async (to: string) => {
    await deliver();
    const [message] = await listDevMessages(services.db, to, 1);
    return message;
  };
  return {
    app,
    services,
    clock,
    deliver,
    latestMessage,
    async latestCode(to) {
      const message = await latestMessage(to);
      const code = message?.body.match(/\b(\d{6})\b/)?.[1];
      if (!code) throw new Error(`no code in the newest message to ${to}`);
      return code;
    },
    async close() {
      await app.close();
      services.providers.close();
      await database.close();
    },
  };
}
