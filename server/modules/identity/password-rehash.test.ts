import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.ts';
import { buildApp } from '../../http/app.ts';
import { createServices } from '../../services.ts';
import { makeAccount } from '../../../test/factories.ts';
import { TEST_PASSWORD, testConfig } from '../../../test/test-app.ts';
import { createTestDb } from '../../../test/test-db.ts';
import type { LoginResponse } from '../../../contract/auth.ts';

describe('password hashes are upgraded at the next sign-in when the settings rise (SPEC §3.3)', () => {
  let database: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    database = await createTestDb();
  });
  afterAll(() => database.close());

  it('rehashes with the stronger settings after a correct password', async () => {
    const clock = new ManualClock();
    const before = createServices({ config: testConfig(), database, clock, logger: pino({ level: 'silent' }) });
    const account = await makeAccount(before);
    expect(account.passwordHash).toContain('t=2,');

    const stronger = createServices({ config: testConfig({ ARGON2_ITERATIONS: '3' }), database, clock, logger: pino({ level: 'silent' }) });
    const app = await buildApp({ services: stronger });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD } });
    expect(res.json<LoginResponse>().status).toBe('code_required');
    const after = await stronger.identity.accounts.findByEmail(account.email);
    expect(after?.passwordHash).toContain('t=3,');
    expect(await stronger.hasher.verify(after!.passwordHash, TEST_PASSWORD)).toBe(true);
    await app.close();
  });
});
