import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { makeAccount } from '../../../test/factories.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { monthKey, reservedSmsInMonth } from '../verification/index.ts';
import type { Problem } from '../../../contract/problem.ts';
import type { CodeRequired } from '../../../contract/auth.ts';

describe.each(testDbKinds())('one-time sign-in codes (SPEC §3.4–3.5) on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db, env: { SMS_MONTHLY_BUDGET: '1000' } });
  });
  afterAll(() => t.close());

  const login = (email: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });
  const verify = (flowId: string, code: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId, code } });
  const resend = (flowId: string, channel = 'email') => t.app.inject({ method: 'POST', url: '/api/v1/auth/login/resend', payload: { flowId, channel } });

  it('a code works once: the same code again finds the flow finished', async () => {
    const account = await makeAccount(t.services);
    const { flowId } = (await login(account.email)).json<{ flowId: string }>();
    const code = await t.latestCode(account.phone!);
    expect((await verify(flowId, code)).statusCode).toBe(200);
    const again = await verify(flowId, code);
    expect(again.statusCode).toBe(410);
    expect(again.json<Problem>().code).toBe('flow_expired');
  });

  it('a code and its flow expire after 5 minutes', async () => {
    const account = await makeAccount(t.services);
    const { flowId } = (await login(account.email)).json<{ flowId: string }>();
    const code = await t.latestCode(account.phone!);
    t.clock.advance(300_001);
    const late = await verify(flowId, code);
    expect(late.statusCode).toBe(410);
    expect(late.json<Problem>().code).toBe('flow_expired');
  });

  it('a code from another sign-in of the same account does not work', async () => {
    const account = await makeAccount(t.services);
    const first = (await login(account.email)).json<CodeRequired>();
    const firstCode = await t.latestCode(account.phone!);
    const second = (await login(account.email)).json<CodeRequired>();
    const secondCode = await t.latestCode(account.phone!);
    if (firstCode !== secondCode) {
      const crossed = await verify(second.flowId, firstCode);
      expect(crossed.json<Problem>().code).toBe('invalid_code');
    }
    expect((await verify(first.flowId, firstCode)).statusCode).toBe(200);
  });

  it('accepts the code typed with spaces', async () => {
    const account = await makeAccount(t.services);
    const { flowId } = (await login(account.email)).json<{ flowId: string }>();
    const code = await t.latestCode(account.phone!);
    expect((await verify(flowId, `${code.slice(0, 3)} ${code.slice(3)}`)).statusCode).toBe(200);
  });

  it('a new code needs 30 s and at most 5 codes go out per sign-in', async () => {
    const account = await makeAccount(t.services);
    const { flowId } = (await login(account.email)).json<{ flowId: string }>();
    const tooSoon = await resend(flowId, 'sms');
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json<Problem>().code).toBe('resend_too_soon');
    expect(tooSoon.headers['retry-after']).toBe('30');
    for (let i = 0; i < 4; i++) {
      t.clock.advance(30_000);
      expect((await resend(flowId)).statusCode).toBe(200);
      // Delivered one by one: a batch is sent in parallel and may arrive in any order.
      await t.deliver();
    }
    t.clock.advance(30_000);
    const sixth = await resend(flowId);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json<Problem>().code).toBe('resend_limit_reached');
    // The last code still works.
    expect((await verify(flowId, await t.latestCode(account.email))).statusCode).toBe(200);
  });

  it('"I got no code": the first switch to e-mail is at once, switching back waits 30 s', async () => {
    const account = await makeAccount(t.services);
    const { flowId } = (await login(account.email)).json<{ flowId: string }>();
    const smsCode = await t.latestCode(account.phone!);
    const switched = await resend(flowId, 'email');
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ channel: 'email' });
    await t.deliver();
    const emailCode = await t.latestCode(account.email);
    const back = await resend(flowId, 'sms');
    expect(back.statusCode).toBe(429);
    expect(back.json<Problem>().code).toBe('resend_too_soon');
    expect(back.headers['retry-after']).toBe('30');
    // The switch voided the SMS code; a wrong code still counts toward the lockout.
    if (smsCode !== emailCode) expect((await verify(flowId, smsCode)).json<Problem>().code).toBe('invalid_code');
    expect((await verify(flowId, emailCode)).statusCode).toBe(200);
  });

  it('past 5 SMS in 24 hours the code goes by e-mail and the answer says so', async () => {
    const account = await makeAccount(t.services);
    for (let i = 0; i < 5; i++) expect((await login(account.email)).json<{ channel: string }>().channel).toBe('sms');
    const sixth = (await login(account.email)).json<CodeRequired>();
    expect(sixth).toMatchObject({ channel: 'email', fallbackReason: 'sms_budget' });
    expect(sixth.sentTo).toMatch(/^p\*\*\*\d@example\.com$/);
    expect((await verify(sixth.flowId, await t.latestCode(account.email))).statusCode).toBe(200);

    t.clock.advanceMinutes(24 * 60 + 1);
    expect((await login(account.email)).json<{ channel: string }>().channel).toBe('sms');
  });

  it('without a verified phone the code goes by e-mail', async () => {
    const account = await makeAccount(t.services, { phone: null });
    expect((await login(account.email)).json()).toMatchObject({ channel: 'email', fallbackReason: 'no_phone' });
  });

  it('unknown flow ids are treated as expired flows', async () => {
    const res = await verify('x'.repeat(43), '123456');
    expect(res.statusCode).toBe(410);
    expect((await resend('x'.repeat(43))).statusCode).toBe(410);
  });
});

describe.each(testDbKinds())('sign-ins racing for the last SMS of the month on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db, env: { SMS_MONTHLY_BUDGET: '7' } });
  });
  afterAll(() => t.close());

  it('spend the budget exactly, and every code goes where its answer says', async () => {
    const accounts = await Promise.all(Array.from({ length: 20 }, () => makeAccount(t.services)));
    const answers = await Promise.all(accounts.map((a) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: a.email, password: TEST_PASSWORD } })));
    const bodies = answers.map((res) => res.json<CodeRequired>());
    expect(bodies.filter((b) => b.channel === 'sms')).toHaveLength(7);
    expect(bodies.filter((b) => b.channel === 'email').every((b) => b.fallbackReason === 'sms_budget')).toBe(true);
    expect(await reservedSmsInMonth(t.services.db, monthKey(t.clock.now()))).toBe(7);
    // Only the SMS that went out count in the accounts' own 24 hours.
    const windows = (await t.services.db.execute(sql`SELECT coalesce(sum(cardinality(sent_at)), 0)::int AS n FROM sms_account_windows`)) as unknown as { rows: Array<{ n: number }> };
    expect(windows.rows[0]!.n).toBe(7);
    for (const [i, body] of bodies.entries()) {
      const code = await t.latestCode(body.channel === 'sms' ? accounts[i]!.phone! : accounts[i]!.email);
      const signedIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId: body.flowId, code } });
      expect(signedIn.statusCode).toBe(200);
    }
  });
});

/**
 * A code whose SMS shard another sign-in is spending at that moment: it waits for that commit,
 * finds the shard spent, and must then take the other shard with room, not fall back to e-mail.
 * Another transaction holds the shard here, so the race happens every time (PostgreSQL: PGlite
 * runs one statement at a time). The first code is one statement of its own; a new code
 * ("resend") reserves inside the resend's transaction.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('a code that loses its SMS shard to a concurrent sign-in (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Two shards with room: shard 0, which nearly every random start reaches first, and shard 1.
    t = await createTestApp({ db: 'postgres', env: { SMS_MONTHLY_BUDGET: '2' } });
  });
  afterAll(() => t.close());

  /** Until a statement of this database waits for a lock, or `done` (a request that never waited). */
  const waitingForALock = async (done: () => boolean) => {
    const query = sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    while (!done()) {
      const result = (await t.services.db.execute(query)) as unknown as { rows: Array<{ n: number }> };
      if (result.rows[0]!.n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  const month = () => monthKey(t.clock.now());
  const login = (email: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });

  /** The code's request: the sign-in itself, or a new code by SMS for a sign-in already open. */
  async function codeRequest(via: 'sign-in' | 'resend', email: string): Promise<{ send: () => ReturnType<typeof login>; flowId?: string }> {
    if (via === 'sign-in') return { send: () => login(email) };
    const { flowId } = (await login(email)).json<{ flowId: string }>();
    t.clock.advance(30_000);
    return { send: () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login/resend', payload: { flowId, channel: 'sms' } }), flowId };
  }

  const cases: Array<['sign-in' | 'resend', string, boolean]> = [
    ['sign-in', "inserts the month's first row of the shard", false],
    ['sign-in', "spends the last SMS of the shard's row", true],
    ['resend', "inserts the month's first row of the shard", false],
    ['resend', "spends the last SMS of the shard's row", true],
  ];

  it.each(cases)('a %s takes the other shard when the concurrent sign-in %s', async (via, _, rowExists) => {
    const account = await makeAccount(t.services);
    const request = await codeRequest(via, account.email);
    await t.services.db.execute(sql`DELETE FROM sms_budget_shards`);
    if (rowExists) await t.services.db.execute(sql`INSERT INTO sms_budget_shards (month, shard, sent) VALUES (${month()}, 0, 0)`);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const concurrent = t.services.db.transaction(async (tx) => {
      await tx.execute(
        rowExists ? sql`UPDATE sms_budget_shards SET sent = 1 WHERE month = ${month()} AND shard = 0` : sql`INSERT INTO sms_budget_shards (month, shard, sent) VALUES (${month()}, 0, 1)`,
      );
      await released;
    });
    let answered = false;
    const answer = request.send().finally(() => (answered = true));
    // A random start at shard 1 (1 in 32) finds it at once and never waits.
    await waitingForALock(() => answered);
    release();
    await concurrent;
    const body = (await answer).json<CodeRequired>();
    expect(body.channel).toBe('sms');
    expect(await reservedSmsInMonth(t.services.db, month())).toBe(2);
    const flowId = request.flowId ?? body.flowId;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId, code: await t.latestCode(account.phone!) } })).statusCode).toBe(200);
  });
});

describe('the company-wide monthly SMS budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SMS_MONTHLY_BUDGET: '2' } });
  });
  afterAll(() => t.close());

  it("sends codes by e-mail once the month's budget is spent, for every account", async () => {
    const a = await makeAccount(t.services);
    const b = await makeAccount(t.services);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: a.email, password: TEST_PASSWORD } })).json<{ channel: string }>().channel).toBe('sms');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: b.email, password: TEST_PASSWORD } })).json<{ channel: string }>().channel).toBe('sms');
    const third = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: a.email, password: TEST_PASSWORD } });
    expect(third.json()).toMatchObject({ channel: 'email', fallbackReason: 'sms_budget' });
  });
});
