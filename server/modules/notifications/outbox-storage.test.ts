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

  it('keeps a sign-in code with its sealed e-mail fallback in the outbox row, not in TOAST (migration 0035)', async () => {
    const account = await makeAccount(t.services);
    const answer = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD, client: 'web' } });
    expect(answer.json()).toMatchObject({ status: 'code_required', channel: 'sms' });
    const [queued] = await rows(sql`SELECT length(sealed_fallback) AS fallback FROM outbox WHERE recipient = ${account.phone}`);
    // Large enough that PostgreSQL would move it out of the row by default.
    expect(Number(queued!.fallback)).toBeGreaterThan(1500);
    const [toast] = await rows(sql`SELECT reltoastrelid::regclass::text AS name FROM pg_class WHERE relname = 'outbox'`);
    const [chunks] = await rows(sql.raw(`SELECT count(*)::int AS n FROM ${String(toast!.name)}`));
    expect(chunks).toEqual({ n: 0 });
    // …and the code still reaches the phone.
    expect(await t.latestCode(account.phone!)).toMatch(/^\d{6}$/);
  });
});
