import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asWeb, messageMatching, type Call } from '../../../test/account-helpers.ts';
import { makeAccount } from '../../../test/factories.ts';
import { signInWeb } from '../../../test/sign-in.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { totpCodeAt } from './totp.rules.ts';
import type { Problem } from '../../../contract/problem.ts';
import type { LoginResponse } from '../../../contract/auth.ts';
import type { CodeRequired } from '../../../contract/auth.ts';

describe.each(testDbKinds())('two-step verification settings on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t.close());

  const login = (email: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });
  const verify = (flowId: string, code: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId, code } });
  /** Start the next 30-second step, so codes of different steps never collide in a test. */
  const nextStep = () => t.clock.advance(30_000 - (t.clock.now().getTime() % 30_000));

  async function enrol(me: Call): Promise<string> {
    const started = await me('POST', '/me/two-factor/totp', { label: 'Telefonen' });
    expect(started.statusCode).toBe(201);
    const { id, secret, otpauthUri } = started.json<{ id: string; secret: string; otpauthUri: string }>();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect((await me('POST', `/me/two-factor/totp/${id}/confirm`, { code: '000000' === totpCodeAt(secret, t.clock.now()) ? '111111' : '000000' })).json<Problem>().code).toBe('invalid_code');
    expect((await me('POST', `/me/two-factor/totp/${id}/confirm`, { code: totpCodeAt(secret, t.clock.now()) })).statusCode).toBe(204);
    return secret;
  }

  it('enrols an authenticator app; sign-in then asks for its code instead of sending an SMS', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    const secret = await enrol(me);
    expect((await me('GET', '/me/two-factor')).json()).toMatchObject({
      enabled: true,
      preferred: 'totp',
      methods: ['sms', 'email', 'totp'],
      authenticatorApps: [{ label: 'Telefonen' }],
    });

    nextStep();
    const smsBefore = await t.latestMessage(account.phone!);
    const step1 = (await login(account.email)).json<CodeRequired>();
    expect(step1).toMatchObject({ status: 'code_required', channel: 'totp', methods: ['sms', 'email', 'totp'] });
    expect(step1.sentTo).toBeUndefined();
    expect(await t.latestMessage(account.phone!)).toEqual(smsBefore);

    const code = totpCodeAt(secret, t.clock.now());
    const signed = await verify(step1.flowId, code);
    expect(signed.statusCode).toBe(200);
    const cookie = signed.cookies.find((c) => c.name === '__Host-pv_session')!;
    const meAgain = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { [cookie.name]: cookie.value } });
    expect(meAgain.json<{ secondFactor: string }>().secondFactor).toBe('totp');

    // The same code cannot be used twice (a code seen over a shoulder is worthless).
    const replay = (await login(account.email)).json<CodeRequired>();
    expect((await verify(replay.flowId, code)).json<Problem>().code).toBe('invalid_code');
    nextStep();
    expect((await verify(replay.flowId, totpCodeAt(secret, t.clock.now()))).statusCode).toBe(200);
  });

  it('from the app step, "I didn\'t get a code" still sends an SMS or e-mail code', async () => {
    const account = await makeAccount(t.services);
    await enrol(asWeb(t, await signInWeb(t, account)));
    const { flowId } = (await login(account.email)).json<{ flowId: string }>();
    const resent = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/resend', payload: { flowId, channel: 'sms' } });
    expect(resent.json()).toMatchObject({ channel: 'sms' });
    expect((await verify(flowId, await t.latestCode(account.phone!))).statusCode).toBe(200);
  });

  it("after an SMS code went out, the app's code still signs in", async () => {
    const account = await makeAccount(t.services);
    const secret = await enrol(asWeb(t, await signInWeb(t, account)));
    const { flowId } = (await login(account.email)).json<{ flowId: string }>();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/resend', payload: { flowId, channel: 'sms' } })).json()).toMatchObject({ channel: 'sms' });
    expect((await verify(flowId, '000000')).json<Problem>().code).toBe('invalid_code');
    t.clock.advance(31_000);
    const signedIn = await verify(flowId, totpCodeAt(secret, t.clock.now()));
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ status: 'signed_in' });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: signedIn.headers['set-cookie'] as string } });
    expect(me.json()).toMatchObject({ secondFactor: 'totp' });
  });

  it('steps up with the app, removes it, and sign-in goes back to SMS', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    const secret = await enrol(me);
    t.clock.advanceMinutes(11);
    expect((await me('POST', '/auth/step-up/totp', { code: '12345' })).json<Problem>().code).toBe('invalid_code');
    expect((await me('POST', '/auth/step-up/totp', { code: totpCodeAt(secret, t.clock.now()) })).statusCode).toBe(200);
    const [app] = (await me('GET', '/me/two-factor')).json<{ authenticatorApps: { id: string }[] }>().authenticatorApps;
    expect((await me('DELETE', `/me/two-factor/totp/${app!.id}`)).statusCode).toBe(204);
    expect((await me('GET', '/me/two-factor')).json()).toMatchObject({ preferred: 'sms', authenticatorApps: [] });
    expect((await login(account.email)).json()).toMatchObject({ channel: 'sms', methods: ['sms', 'email'] });
  });

  it('the first choice can be set back to SMS while keeping the app; choosing the app needs one', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    expect((await me('PATCH', '/me/two-factor', { preferred: 'totp' })).json<Problem>().code).toBe('conflict');
    await enrol(me);
    expect((await me('PATCH', '/me/two-factor', { preferred: 'sms' })).statusCode).toBe(204);
    expect((await login(account.email)).json()).toMatchObject({ channel: 'sms', methods: ['sms', 'email', 'totp'] });
  });

  it('switching 2FA off is refused while the operator policy does not allow it', async () => {
    const me = asWeb(t, await signInWeb(t, await makeAccount(t.services)));
    expect((await me('GET', '/me/two-factor')).json()).toMatchObject({ enabled: true, optOutAllowed: false });
    const refused = await me('PATCH', '/me/two-factor', { enabled: false });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Problem>().code).toBe('two_factor_required');
  });
});

describe.each(testDbKinds())('two-step verification switched off where the policy allows it, on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db, env: { TWO_FACTOR_OPT_OUT_ALLOWED: 'true' } });
  });
  afterAll(() => t.close());

  it('after a step-up, the password alone signs in and the owner is told', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    t.clock.advanceMinutes(11);
    expect((await me('PATCH', '/me/two-factor', { enabled: false })).json<Problem>().code).toBe('step_up_required');
    await me('POST', '/auth/step-up/password', { password: TEST_PASSWORD });
    expect((await me('PATCH', '/me/two-factor', { enabled: false })).statusCode).toBe(204);
    expect(await messageMatching(t, account.email, /Tvåstegsverifiering är avstängd/)).toBeDefined();

    const signed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD } });
    expect(signed.json<LoginResponse>().status).toBe('signed_in');
    const cookie = signed.cookies.find((c) => c.name === '__Host-pv_session')!;
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { [cookie.name]: cookie.value } });
    expect(session.json<{ secondFactor: string }>().secondFactor).toBe('password_only');
  });
});
