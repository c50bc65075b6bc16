import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { makeAccount } from '../../../test/factories.ts';
import { loginFlows, loginThrottles, rateLimitWindows } from './identity.tables.ts';

describe('housekeeping of sign-in state', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const rows = async (table: typeof loginFlows | typeof loginThrottles | typeof rateLimitWindows) => Number((await t.services.db.select({ n: count() }).from(table))[0]!.n);

  it('removes expired flows, old windows and idle counters, and keeps a running lock', async () => {
    const account = await makeAccount(t.services);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD } });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'stranger@example.com', password: 'wrong wrong wrong' } });
    expect(await rows(loginFlows)).toBe(1);
    expect(await rows(rateLimitWindows)).toBeGreaterThan(0);

    await t.services.identity.housekeeping.purgeExpired();
    expect(await rows(loginFlows)).toBe(1);

    t.clock.advanceMinutes(25 * 60);
    const locked = await makeAccount(t.services);
    for (let i = 0; i < 4; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: locked.email, password: 'wrong wrong wrong' } });
    await t.services.identity.housekeeping.purgeExpired();
    expect(await rows(loginFlows)).toBe(0);
    expect(await rows(loginThrottles)).toBe(1);
    const still = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: locked.email, password: TEST_PASSWORD } });
    expect(still.statusCode).toBe(423);
  });
});
