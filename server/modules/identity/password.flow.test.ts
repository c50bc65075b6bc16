import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBearer, asWeb, linkToken, messageMatching, signInTrusted, signedOut, stepUp, trustThisDevice } from '../../../test/account-helpers.ts';
import { makeAccount } from '../../../test/factories.ts';
import { signInWeb } from '../../../test/sign-in.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { UNIFORM_ANSWER_MS } from './uniform-timing.ts';
import type { Problem } from '../../../contract/problem.ts';
import type { LoginResponse } from '../../../contract/auth.ts';

const NEW_PASSWORD = 'blå cykel under äppelträdet';

describe.each(testDbKinds())('forgot and change password on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t.close());

  const wrongLogin = (email: string) => signedOut(t)('POST', '/auth/login', { email, password: 'inte rätt lösenord alls' });

  it('answers the same, after the same floor of time, whether or not the address has an account', async () => {
    const api = signedOut(t);
    const account = await makeAccount(t.services);
    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await api('POST', '/auth/password/forgot', { email });
      return { answer, ms: performance.now() - started };
    };
    const known = await timed(account.email);
    const unknown = await timed('nobody-here@example.com');
    expect(known.answer.statusCode).toBe(202);
    expect(unknown.answer.body).toBe(known.answer.body);
    // Both answers wait for the same floor, which is longer than the work of either path.
    expect(known.ms).toBeGreaterThanOrEqual(UNIFORM_ANSWER_MS - 5);
    expect(unknown.ms).toBeGreaterThanOrEqual(UNIFORM_ANSWER_MS - 5);
    expect(await messageMatching(t, account.email, /Återställ/)).toBeDefined();
    expect(await t.latestMessage('nobody-here@example.com')).toBeUndefined();
  });

  it('the reset link works once, within 30 minutes', async () => {
    const api = signedOut(t);
    const account = await makeAccount(t.services);
    await api('POST', '/auth/password/forgot', { email: account.email });
    const expired = await linkToken(t, account.email, 'reset-password');
    t.clock.advanceMinutes(31);
    expect((await api('POST', '/auth/password/reset', { token: expired, password: NEW_PASSWORD })).json<Problem>().code).toBe('link_invalid');

    await api('POST', '/auth/password/forgot', { email: account.email });
    const token = await linkToken(t, account.email, 'reset-password');
    expect((await api('POST', '/auth/password/reset', { token, password: 'qwertyqwerty' })).json<Problem>().code).toBe('password_too_common');
    expect((await api('POST', '/auth/password/reset', { token, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await api('POST', '/auth/password/reset', { token, password: 'ännu ett annat lösenord' })).json<Problem>().code).toBe('link_invalid');
  });

  it('works while locked, lifts the lock, ends every session and trusted device, and 2FA still applies', async () => {
    const api = signedOut(t);
    const account = await makeAccount(t.services);
    const device = await trustThisDevice(t, account);
    const session = asWeb(t, await signInWeb(t, account));
    for (let i = 0; i < 4; i++) await wrongLogin(account.email);
    expect((await api('POST', '/auth/login', { email: account.email, password: TEST_PASSWORD })).json<Problem>().code).toBe('account_locked');

    expect((await api('POST', '/auth/password/forgot', { email: account.email })).statusCode).toBe(202);
    const token = await linkToken(t, account.email, 'reset-password');
    expect((await api('POST', '/auth/password/reset', { token, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect(await messageMatching(t, account.email, /lösenord.*ändrats/)).toBeDefined();

    expect((await session('GET', '/me')).statusCode).toBe(401);
    expect((await api('POST', '/auth/login', { email: account.email, password: TEST_PASSWORD })).json<Problem>().code).toBe('invalid_credentials');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: NEW_PASSWORD }, cookies: device });
    expect(login.json()).toMatchObject({ status: 'code_required', channel: 'sms' });
  });

  it('change of password needs the current one, keeps this session, ends the others and trusted devices', async () => {
    const account = await makeAccount(t.services);
    const device = await trustThisDevice(t, account);
    const other = asWeb(t, await signInWeb(t, account));
    const me = asWeb(t, await signInWeb(t, account));
    expect((await me('POST', '/me/password', { currentPassword: 'inte mitt lösenord alls', newPassword: NEW_PASSWORD })).json()).toMatchObject({
      code: 'wrong_password',
      issues: [{ path: 'body.currentPassword', code: 'wrong_password' }],
    });
    expect((await me('POST', '/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'kort' })).json()).toMatchObject({
      code: 'password_too_short',
      issues: [{ path: 'body.newPassword', code: 'password_too_short' }],
    });
    expect((await me('POST', '/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).json()).toEqual({ integrationTokensEnded: 0 });

    expect((await me('GET', '/me')).statusCode).toBe(200);
    expect((await other('GET', '/me')).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: NEW_PASSWORD }, cookies: device });
    expect(login.json<LoginResponse>().status).toBe('code_required');
    expect(await messageMatching(t, account.email, /lösenord.*ändrats/)).toBeDefined();
  });

  it('a trusted-device session changes its password only after a step-up', async () => {
    const account = await makeAccount(t.services);
    const device = await trustThisDevice(t, account);
    const me = asWeb(t, await signInTrusted(t, account, device));
    const change = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
    expect((await me('POST', '/me/password', change)).json<Problem>().code).toBe('step_up_required');
    await stepUp(me);
    expect((await me('POST', '/me/password', change)).statusCode).toBe(200);
  });

  /** An attacker who had the password made a token; does it survive the owner's way back? */
  async function accountWithToken() {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    const { token } = (await me('POST', '/me/tokens', { name: 'Inte min', scope: 'read_write' })).json<{ token: string }>();
    const api = asBearer(t, token);
    expect((await api('GET', '/me')).statusCode).toBe(200);
    return { account, me, api };
  }

  it('a password reset ends every integration token', async () => {
    const { account, api } = await accountWithToken();
    await signedOut(t)('POST', '/auth/password/forgot', { email: account.email });
    const token = await linkToken(t, account.email, 'reset-password');
    expect((await signedOut(t)('POST', '/auth/password/reset', { token, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await api('GET', '/me')).statusCode).toBe(401);
    expect((await api('GET', '/installations')).statusCode).toBe(401);
  });

  it('a password change ends integration tokens unless the user keeps them, and says how many', async () => {
    const first = await accountWithToken();
    expect((await first.me('POST', '/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).json()).toEqual({ integrationTokensEnded: 1 });
    expect((await first.api('GET', '/me')).statusCode).toBe(401);

    const second = await accountWithToken();
    const kept = await second.me('POST', '/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, endIntegrationTokens: false });
    expect(kept.json()).toEqual({ integrationTokensEnded: 0 });
    expect((await second.api('GET', '/me')).statusCode).toBe(200);
  });

  it('undoing an e-mail change ends every integration token', async () => {
    const { account, me, api } = await accountWithToken();
    expect((await me('POST', '/me/email', { email: `moved-${account.email}` })).statusCode).toBe(202);
    await signedOut(t)('POST', '/auth/email/confirm', { token: await linkToken(t, `moved-${account.email}`, 'confirm-email') });
    expect((await api('GET', '/me')).statusCode).toBe(200);
    const undo = await signedOut(t)('POST', '/auth/email/undo', { token: await linkToken(t, account.email, 'undo-email-change') });
    expect(undo.statusCode).toBe(204);
    expect((await api('GET', '/me')).statusCode).toBe(401);
  });
});
