import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../../test/factories.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';

describe.each(testDbKinds())('outbox storage on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t.close());

  const rows = async (query: ReturnType<typeof sql>) => ((await t.services.db.execute(query)) as unknown as { rows: Array<Record<string, unknown>> }).rows;

  it('queues a sign-in code as sealed variables, small enough to stay in its row (no rendered e-mail twin, no TOAST)', async () => {
    const account = await makeAccount(t.services);
    const answer = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD, client: 'web' } });
    expect(answer.json()).toMatchObject({ status: 'code_required', channel: 'sms' });
    const [queued] = await rows(sql`SELECT length(sealed_content) AS content, length(sealed_fallback) AS fallback FROM outbox WHERE recipient = ${account.phone}`);
    // The e-mail twin is rendered only if the SMS fails: the row holds the code's variables and the fallback address.
    expect(Number(queued!.content)).toBeLessThan(400);
    expect(Number(queued!.fallback)).toBeLessThan(200);
    const [toast] = await rows(sql`SELECT reltoastrelid::regclass::text AS name FROM pg_class WHERE relname = 'outbox'`);
    const [chunks] = await rows(sql.raw(`SELECT count(*)::int AS n FROM ${String(toast!.name)}`));
    expect(chunks).toEqual({ n: 0 });
    // …and the code still reaches the phone.
    expect(await t.latestCode(account.phone!)).toMatch(/^\d{6}$/);
  });
});
