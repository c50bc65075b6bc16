import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { makeAccount } from '../../../test/factories.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import type { Problem } from '../../../contract/problem.ts';
import type { CodeRequired } from '../../../contract/auth.ts';
import type { SignedIn } from '../../../contract/auth.ts';

describe.each(testDbKinds())('sign-in flow on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t.close());

  const login = (email: string, password = TEST_PASSWORD, extra: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, ...extra } });

  it('password then SMS code signs in with a cookie session and /me works', async () => {
    const account = await makeAccount(t.services);
    const step1 = await login(account.email);
    expect(step1.statusCode).toBe(200);
    const body = step1.json<CodeRequired>();
    expect(body).toMatchObject({ status: 'code_required', channel: 'sms', expiresInSeconds: 300 });
    expect(body.sentTo).toMatch(/\*\*\* \*\* \d\d$/);

    const code = await t.latestCode(account.phone!);
    // The README's example: an unescaped "+" in the query still finds the phone's messages.
    const inbox = await t.app.inject({ method: 'GET', url: `/api/v1/dev/messages?to=${account.phone}` });
    expect(inbox.json<Array<{ body: string }>>()[0]!.body).toContain(code);
    const step2 = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId: body.flowId, code } });
    expect(step2.statusCode).toBe(200);
    const cookie = step2.cookies.find((c) => c.name === '__Host-pv_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { '__Host-pv_session': cookie!.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: account.email, secondFactor: 'sms' });
  });

  it('"I didn\'t get a code" sends a new code by e-mail and voids the SMS code', async () => {
    const account = await makeAccount(t.services);
    const { flowId } = (await login(account.email)).json<{ flowId: string }>();
    const smsCode = await t.latestCode(account.phone!);
    t.clock.advance(31_000);
    const resend = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/resend', payload: { flowId, channel: 'email' } });
    expect(resend.statusCode).toBe(200);
    expect(resend.json()).toMatchObject({ channel: 'email' });
    const emailCode = await t.latestCode(account.email);
    const mail = await t.latestMessage(account.email);
    expect(mail?.body).toMatch(/svagare skydd än kod via SMS/);

    if (smsCode !== emailCode) {
      const old = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId, code: smsCode } });
      expect(old.json<Problem>().code).toBe('invalid_code');
    }
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId, code: emailCode } });
    expect(ok.statusCode).toBe(200);
  });

  it('app clients get a token pair; refresh rotates and a reused refresh token kills the session', async () => {
    const account = await makeAccount(t.services);
    const { flowId } = (await login(account.email, TEST_PASSWORD, { client: 'app' })).json<{ flowId: string }>();
    const code = await t.latestCode(account.phone!);
    const signed = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId, code } })).json<SignedIn>();
    expect(signed).toMatchObject({ status: 'signed_in', tokenType: 'Bearer', expiresIn: 900 });

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${signed.accessToken}` } });
    expect(me.statusCode).toBe(200);

    const refreshed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: signed.refreshToken } });
    expect(refreshed.statusCode).toBe(200);
    const pair = refreshed.json<SignedIn>();
    const oldAccess = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${signed.accessToken}` } });
    expect(oldAccess.statusCode).toBe(401);

    const reuse = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: signed.refreshToken } });
    expect(reuse.json<Problem>().code).toBe('invalid_refresh_token');
    const afterTheft = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${pair.accessToken}` } });
    expect(afterTheft.statusCode).toBe(401);
    const { listSecurityEvents } = await import('../audit/index.ts');
    const events = await listSecurityEvents(t.services.db, account.id, 10, 'refresh_token_reused');
    expect(events).toHaveLength(1);
  });
});
