import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { makeAccount } from '../../../test/factories.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { listSecurityEvents } from '../audit/index.ts';
import type { Problem } from '../../../contract/problem.ts';
import type { LoginResponse } from '../../../contract/auth.ts';
import type { SignedIn } from '../../../contract/auth.ts';

const WRONG = 'not the right password at all';

describe.each(testDbKinds())('lockout (SPEC §3.7) on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, extra: Record<string, unknown> = {}, cookies?: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, ...extra }, cookies });
  const verify = (flowId: string, code: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId, code, ...extra } });
  const wrongCode = (code: string) => (code === '000000' ? '111111' : '000000');

  it('three failures answer 401, the fourth locks for 15 minutes, then it opens again', async () => {
    const account = await makeAccount(t.services);
    for (let i = 1; i <= 3; i++) {
      const res = await login(account.email, WRONG);
      expect(res.statusCode).toBe(401);
      expect(res.json<Problem>().code).toBe('invalid_credentials');
    }
    const fourth = await login(account.email, WRONG);
    expect(fourth.statusCode).toBe(423);
    expect(fourth.json<Problem>().code).toBe('account_locked');
    expect(fourth.headers['retry-after']).toBe('900');

    const correctWhileLocked = await login(account.email, TEST_PASSWORD);
    expect(correctWhileLocked.statusCode).toBe(423);

    t.clock.advanceMinutes(14);
    const stillLocked = await login(account.email, TEST_PASSWORD);
    expect(stillLocked.statusCode).toBe(423);
    expect(stillLocked.headers['retry-after']).toBe('60');

    t.clock.advanceMinutes(1);
    const open = await login(account.email, TEST_PASSWORD);
    expect(open.statusCode).toBe(200);
    expect(open.json<LoginResponse>().status).toBe('code_required');
  });

  it('customer service lifts a lock (portvakt account unlock): the count starts again and the activity says so', async () => {
    const account = await makeAccount(t.services);
    for (let i = 1; i <= 4; i++) await login(account.email, WRONG);
    expect((await login(account.email, TEST_PASSWORD)).statusCode).toBe(423);

    expect(await t.services.identity.lockout.unlock(`  ${account.email.toUpperCase()} `)).toBe(true);
    expect((await login(account.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await listSecurityEvents(t.services.db, account.id, 50, 'account_unlocked')).length).toBe(1);
    // Three new failures are needed before it locks again.
    for (let i = 1; i <= 3; i++) expect((await login(account.email, WRONG)).statusCode).toBe(401);
    expect((await login(account.email, WRONG)).statusCode).toBe(423);
    expect(await t.services.identity.lockout.unlock((await makeAccount(t.services)).email)).toBe(false);
  });

  it('e-mails the owner once when the account locks, in their language', async () => {
    const account = await makeAccount(t.services, { language: 'en' });
    for (let i = 0; i < 6; i++) await login(account.email, WRONG);
    await t.deliver();
    const mail = await t.latestMessage(account.email);
    expect(mail?.subject).toBe('Your Mina sidor account is temporarily locked');
    expect(mail?.body).toContain('15 minutes');
    const { listDevMessages } = await import('../notifications/index.ts');
    const locks = (await listDevMessages(t.services.db, account.email, 50)).filter((m) => m.subject?.includes('locked'));
    expect(locks).toHaveLength(1);
  });

  it('a completed sign-in resets the count', async () => {
    const account = await makeAccount(t.services);
    for (let i = 0; i < 3; i++) expect((await login(account.email, WRONG)).statusCode).toBe(401);
    const { flowId } = (await login(account.email, TEST_PASSWORD)).json<{ flowId: string }>();
    expect((await verify(flowId, await t.latestCode(account.phone!))).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) expect((await login(account.email, WRONG)).statusCode).toBe(401);
    expect((await login(account.email, WRONG)).statusCode).toBe(423);
  });

  it('a correct password alone is not a success: the count goes on', async () => {
    const account = await makeAccount(t.services);
    for (let i = 0; i < 3; i++) await login(account.email, WRONG);
    expect((await login(account.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login(account.email, WRONG)).statusCode).toBe(423);
  });

  it('wrong codes count together with wrong passwords', async () => {
    const account = await makeAccount(t.services);
    await login(account.email, WRONG);
    await login(account.email, WRONG);
    const { flowId } = (await login(account.email, TEST_PASSWORD)).json<{ flowId: string }>();
    const code = await t.latestCode(account.phone!);
    const third = await verify(flowId, wrongCode(code));
    expect(third.statusCode).toBe(401);
    expect(third.json<Problem>().code).toBe('invalid_code');
    const fourth = await verify(flowId, wrongCode(code));
    expect(fourth.statusCode).toBe(423);
    // Even the right code is refused while locked.
    expect((await verify(flowId, code)).statusCode).toBe(423);
  });

  it('a new code does not reset the count', async () => {
    const account = await makeAccount(t.services);
    const { flowId } = (await login(account.email, TEST_PASSWORD)).json<{ flowId: string }>();
    const first = await t.latestCode(account.phone!);
    for (let i = 0; i < 3; i++) expect((await verify(flowId, wrongCode(first))).statusCode).toBe(401);
    t.clock.advance(31_000);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/resend', payload: { flowId, channel: 'email' } })).statusCode).toBe(200);
    const second = await t.latestCode(account.email);
    expect((await verify(flowId, wrongCode(second))).statusCode).toBe(423);
  });

  it('attempts from a trusted device are counted apart, so a stranger cannot lock the owner out of their phone', async () => {
    const account = await makeAccount(t.services);
    const { flowId } = (await login(account.email, TEST_PASSWORD)).json<{ flowId: string }>();
    const trusted = await verify(flowId, await t.latestCode(account.phone!), { trustDevice: true });
    const device = trusted.cookies.find((c) => c.name === '__Host-pv_device')!;
    expect(device.maxAge).toBe(30 * 86400);
    expect(device.httpOnly).toBe(true);
    // Only the HttpOnly cookie holds it: a script on the page never sees the web's device token.
    expect(trusted.json<{ deviceToken?: string }>().deviceToken).toBeUndefined();

    for (let i = 0; i < 4; i++) await login(account.email, WRONG);
    expect((await login(account.email, TEST_PASSWORD)).statusCode).toBe(423);

    const fromDevice = await login(account.email, TEST_PASSWORD, {}, { [device.name]: device.value });
    expect(fromDevice.statusCode).toBe(200);
    expect(fromDevice.json<LoginResponse>().status).toBe('signed_in');
  });

  it('a trusted device skips the code for 30 days, then asks for it again', async () => {
    const account = await makeAccount(t.services);
    const { flowId } = (await login(account.email, TEST_PASSWORD, { client: 'app' })).json<{ flowId: string }>();
    const answer = await verify(flowId, await t.latestCode(account.phone!), { trustDevice: true });
    const signed = answer.json<SignedIn>();
    expect(signed.deviceToken).toBeTruthy();
    expect(answer.cookies).toEqual([]);
    const again = await login(account.email, TEST_PASSWORD, { client: 'app', deviceToken: signed.deviceToken });
    expect(again.json()).toMatchObject({ status: 'signed_in', tokenType: 'Bearer' });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${again.json<{ accessToken: string }>().accessToken}` } });
    expect(me.json<{ secondFactor: string }>().secondFactor).toBe('trusted_device');

    t.clock.advanceMinutes(30 * 24 * 60 + 1);
    const expired = await login(account.email, TEST_PASSWORD, { client: 'app', deviceToken: signed.deviceToken });
    expect(expired.json<LoginResponse>().status).toBe('code_required');
  });

  it('a device token of another account gives no shortcut', async () => {
    const owner = await makeAccount(t.services);
    const other = await makeAccount(t.services);
    const { flowId } = (await login(owner.email, TEST_PASSWORD, { client: 'app' })).json<{ flowId: string }>();
    const { deviceToken } = (await verify(flowId, await t.latestCode(owner.phone!), { trustDevice: true })).json<{ deviceToken: string }>();
    const res = await login(other.email, TEST_PASSWORD, { client: 'app', deviceToken });
    expect(res.json<LoginResponse>().status).toBe('code_required');
  });
});

describe('per-IP rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_IP: '5', LOGIN_RATE_LIMIT_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => t.close());

  it('answers 429 rate_limited with Retry-After past the limit, across different e-mails', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `nobody${i}@example.com`, password: WRONG } });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json<Problem>().code).toBe('rate_limited');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    t.clock.advance(60_000);
    const later = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.com', password: WRONG } });
    expect(later.statusCode).toBe(401);
  });

  it('a request refused by the limit is no attempt: the consecutive count stays where it was', async () => {
    t.clock.advance(60_000);
    const account = await makeAccount(t.services);
    const login = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password } });
    // Two failures, then three other requests use up the window.
    expect([(await login(WRONG)).statusCode, (await login(WRONG)).statusCode]).toEqual([401, 401]);
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `else${i}@example.com`, password: WRONG } });
    expect((await login(WRONG)).statusCode).toBe(429);
    expect((await login(WRONG)).statusCode).toBe(429);
    t.clock.advance(60_000);
    // Had the refused requests counted, this would lock; it is the third failure.
    expect((await login(WRONG)).statusCode).toBe(401);
    expect((await login(WRONG)).statusCode).toBe(423);
  });
});
