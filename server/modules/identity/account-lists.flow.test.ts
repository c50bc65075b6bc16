import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asWeb, trustThisDevice } from '../../../test/account-helpers.ts';
import { makeAccount } from '../../../test/factories.ts';
import { signInApp, signInWeb } from '../../../test/sign-in.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import type { Problem } from '../../../contract/problem.ts';
import type { LoginResponse } from '../../../contract/auth.ts';

describe.each(testDbKinds())('sessions, devices, activity and profile on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t.close());

  it('lists sessions and signs out one at once, or all others', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    const other = asWeb(t, await signInWeb(t, account));
    const app = await signInApp(t, account);
    const appMe = () => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: app.headers });

    const list = (await me('GET', '/me/sessions')).json<Array<{ id: string; current: boolean; client: string }>>();
    expect(list).toHaveLength(3);
    expect(list.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const appSession = list.find((s: { client: string }) => s.client === 'app');
    expect(appSession).toMatchObject({ ip: '127.0.0.1', secondFactor: 'sms' });

    expect((await me('DELETE', `/me/sessions/${appSession!.id}`)).statusCode).toBe(204);
    expect((await appMe()).statusCode).toBe(401);
    const refreshed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: app.tokens.refreshToken } });
    expect(refreshed.json<Problem>().code).toBe('invalid_refresh_token');
    expect((await me('DELETE', `/me/sessions/${appSession!.id}`)).json<Problem>().code).toBe('not_found');

    expect((await me('POST', '/me/sessions/revoke-others')).json()).toEqual({ revoked: 1 });
    expect((await other('GET', '/me')).statusCode).toBe(401);
    expect((await me('GET', '/me/sessions')).json()).toHaveLength(1);
  });

  it("cannot sign out another account's session", async () => {
    const mine = asWeb(t, await signInWeb(t, await makeAccount(t.services)));
    const theirs = asWeb(t, await signInWeb(t, await makeAccount(t.services)));
    const [theirSession] = (await theirs('GET', '/me/sessions')).json<Array<{ id: string }>>();
    expect((await mine('DELETE', `/me/sessions/${theirSession!.id}`)).json<Problem>().code).toBe('not_found');
    expect((await theirs('GET', '/me')).statusCode).toBe(200);
    expect((await mine('DELETE', '/me/sessions/not-a-uuid')).json<Problem>().code).toBe('validation_failed');
  });

  it('lists trusted devices; a revoked one asks for a code at once', async () => {
    const account = await makeAccount(t.services);
    const device = await trustThisDevice(t, account);
    const me = asWeb(t, await signInWeb(t, account));
    const [listed] = (await me('GET', '/me/devices')).json<Array<{ id: string }>>();
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
    expect(listed).toMatchObject({ label: expect.any(String), lastUsedAt: expect.any(String) });

    const trusted = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD }, cookies: device });
    expect(trusted.json<LoginResponse>().status).toBe('signed_in');
    expect((await me('DELETE', `/me/devices/${listed!.id}`)).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD }, cookies: device });
    expect(after.json<LoginResponse>().status).toBe('code_required');
    expect((await me('GET', '/me/devices')).json()).toEqual([]);
  });

  it("recent activity shows the account's own sign-ins, lockouts and changes with time, device and IP", async () => {
    const account = await makeAccount(t.services);
    for (let i = 0; i < 4; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: 'fel fel fel fel fel' } });
    }
    t.clock.advanceMinutes(16);
    const me = asWeb(t, await signInWeb(t, account));
    await me('PATCH', '/me', { language: 'en' });
    const activity = (await me('GET', '/me/activity?limit=10')).json<Array<{ kind: string }>>();
    expect(activity.map((e: { kind: string }) => e.kind)).toEqual(['profile_updated', 'sign_in', 'account_locked', 'account_created']);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
    expect(activity[1]).toMatchObject({ ip: '127.0.0.1', at: expect.any(String) });
    const stranger = asWeb(t, await signInWeb(t, await makeAccount(t.services)));
    expect((await stranger('GET', '/me/activity')).json<{ kind: string }[]>().map((e) => e.kind)).not.toContain('account_locked');
  });

  it('PATCH /me remembers language and name', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    const changed = await me('PATCH', '/me', { language: 'en', name: 'Kim Nyström' });
    expect(changed.json()).toMatchObject({ language: 'en', name: 'Kim Nyström' });
    expect((await me('GET', '/me')).json()).toMatchObject({ language: 'en', name: 'Kim Nyström' });
    expect((await me('PATCH', '/me', { language: 'de' })).json<Problem>().code).toBe('validation_failed');
    expect((await me('PATCH', '/me', { name: '   ' })).json()).toMatchObject({ code: 'validation_failed', issues: [{ path: 'body.name', code: 'required' }] });
    expect((await me('PATCH', '/me', { name: 'x'.repeat(101) })).json()).toMatchObject({ code: 'validation_failed', issues: [{ path: 'body.name', code: 'too_long' }] });
    // Messages follow the chosen language.
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD } });
    expect((await t.latestMessage(account.phone!))?.body).toMatch(/is your Mina sidor code/);
  });

  it('state changes with a cookie need the CSRF token', async () => {
    const session = await signInWeb(t, await makeAccount(t.services));
    const answer = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { language: 'en' }, cookies: session.cookies });
    expect(answer.json<Problem>().code).toBe('csrf_failed');
  });
});
