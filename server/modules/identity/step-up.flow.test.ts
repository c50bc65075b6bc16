import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBearer, asWeb, messageMatching, signInTrusted, stepUp, trustThisDevice, type Call, type Method } from '../../../test/account-helpers.ts';
import { makeAccount } from '../../../test/factories.ts';
import { signInWeb } from '../../../test/sign-in.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import type { Problem } from '../../../contract/problem.ts';

const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** Every sensitive endpoint of SPEC §3.9 this module serves, with a well-formed body. */
const sensitiveEndpoints: Array<[Method, string, object | undefined]> = [
  ['POST', '/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'ett helt nytt lösenord för test' }],
  ['POST', '/me/email', { email: 'somewhere-else@example.com' }],
  ['POST', '/me/phone', { phone: '0701234567' }],
  ['POST', '/me/phone/verify', { code: '123456' }],
  ['PATCH', '/me/two-factor', { preferred: 'sms' }],
  ['POST', '/me/two-factor/totp', {}],
  ['POST', `/me/two-factor/totp/${SOME_ID}/confirm`, { code: '123456' }],
  ['DELETE', `/me/two-factor/totp/${SOME_ID}`, undefined],
  ['POST', '/me/two-factor/passkeys/options', undefined],
  ['POST', '/me/two-factor/passkeys', { response: { id: 'abc', rawId: 'abc', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'oA' } } }],
  ['DELETE', `/me/two-factor/passkeys/${SOME_ID}`, undefined],
  ['POST', '/me/tokens', { name: 'Hemautomation' }],
  ['POST', '/me/close', undefined],
];

describe.each(testDbKinds())('step-up on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t.close());

  it('the table covers every account endpoint whose contract answers step_up_required', () => {
    const document = t.app.swagger() as unknown as { paths: Record<string, Record<string, { responses: Record<string, { description?: string }> }>> };
    // Installation routes check step-up through their permission table (installations/authorization-matrix.test.ts).
    const accountPaths = Object.entries(document.paths).filter(([path]) => !path.startsWith('/api/v1/installations'));
    const declared = accountPaths.flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => op.responses?.['403']?.description?.includes('step_up_required'))
        .map(([method]) => `${method.toUpperCase()} ${path.replace('/api/v1', '')}`),
    );
    const tabled = sensitiveEndpoints.map(([method, url]) => `${method} ${url.replace(SOME_ID, '{id}')}`);
    expect(new Set(tabled)).toEqual(new Set(declared));
  });

  it('a session signed in more than 10 minutes ago reaches none of them until it steps up', async () => {
    const account = await makeAccount(t.services);
    const call = asWeb(t, await signInWeb(t, account));
    t.clock.advanceMinutes(11);
    for (const [method, url, payload] of sensitiveEndpoints) {
      const answer = await call(method, url, payload);
      expect({ url, status: answer.statusCode, code: answer.json<Problem>().code }).toEqual({ url, status: 403, code: 'step_up_required' });
    }
    await stepUp(call);
    for (const [method, url, payload] of sensitiveEndpoints) {
      const answer = await call(method, url, payload);
      expect({ url, code: answer.statusCode === 403 ? answer.json<Problem>().code : 'passed' }).toEqual({ url, code: 'passed' });
    }
  });

  it('a session from a trusted device skipped the code, so it must step up first', async () => {
    const account = await makeAccount(t.services);
    const device = await trustThisDevice(t, account);
    const call = asWeb(t, await signInTrusted(t, account, device));
    for (const [method, url, payload] of sensitiveEndpoints) {
      expect((await call(method, url, payload)).json<Problem>().code).toBe('step_up_required');
    }
  });

  it('an integration token never reaches them, even with write scope', async () => {
    const account = await makeAccount(t.services);
    const call = asWeb(t, await signInWeb(t, account));
    const { token } = (await call('POST', '/me/tokens', { name: 'Allt', scope: 'read_write' })).json<{ token: string }>();
    const tokenCall: Call = asBearer(t, token);
    for (const [method, url, payload] of sensitiveEndpoints) {
      expect((await tokenCall(method, url, payload)).json<Problem>().code).toBe('forbidden');
    }
  });

  it('step-up with the password lasts 10 minutes', async () => {
    const account = await makeAccount(t.services);
    const call = asWeb(t, await signInWeb(t, account));
    t.clock.advanceMinutes(11);
    const granted = await call('POST', '/auth/step-up/password', { password: TEST_PASSWORD });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toEqual({ expiresInSeconds: 600 });
    expect((await call('POST', '/me/tokens', { name: 'A' })).statusCode).toBe(201);
    t.clock.advanceMinutes(11);
    expect((await call('POST', '/me/tokens', { name: 'B' })).json<Problem>().code).toBe('step_up_required');
  });

  it('step-up with an SMS code, or by e-mail when asked; a code works once', async () => {
    const account = await makeAccount(t.services);
    const call = asWeb(t, await signInWeb(t, account));
    t.clock.advanceMinutes(11);
    const sent = await call('POST', '/auth/step-up/code', {});
    expect(sent.json()).toMatchObject({ channel: 'sms', expiresInSeconds: 300 });
    const smsCode = await t.latestCode(account.phone!);
    // "I got no code": the first switch to e-mail is at once; another code waits 30 s.
    expect((await call('POST', '/auth/step-up/code', { channel: 'email' })).json()).toMatchObject({ channel: 'email' });
    expect((await call('POST', '/auth/step-up/code', { channel: 'sms' })).json<Problem>().code).toBe('resend_too_soon');
    expect((await call('POST', '/auth/step-up/code', { channel: 'email' })).json<Problem>().code).toBe('resend_too_soon');
    const emailCode = await t.latestCode(account.email);
    if (emailCode !== smsCode) expect((await call('POST', '/auth/step-up/code/verify', { code: smsCode })).json<Problem>().code).toBe('invalid_code');
    expect((await call('POST', '/auth/step-up/code/verify', { code: emailCode })).statusCode).toBe(200);
    expect((await call('POST', '/auth/step-up/code/verify', { code: emailCode })).json<Problem>().code).toBe('invalid_code');
    expect((await call('POST', '/me/tokens', { name: 'A' })).statusCode).toBe(201);
  });

  it('a step-up code expires after 5 minutes and is bound to its session', async () => {
    const account = await makeAccount(t.services);
    const first = asWeb(t, await signInWeb(t, account));
    const second = asWeb(t, await signInWeb(t, account));
    t.clock.advanceMinutes(11);
    await first('POST', '/auth/step-up/code', {});
    const code = await t.latestCode(account.phone!);
    expect((await second('POST', '/auth/step-up/code/verify', { code })).json<Problem>().code).toBe('invalid_code');
    t.clock.advanceMinutes(6);
    expect((await first('POST', '/auth/step-up/code/verify', { code })).json<Problem>().code).toBe('invalid_code');
  });

  it('a wrong step-up password answers wrong_password at the password field: the signed-in user knows their address', async () => {
    const account = await makeAccount(t.services);
    const call = asWeb(t, await signInWeb(t, account));
    t.clock.advanceMinutes(11);
    const wrong = await call('POST', '/auth/step-up/password', { password: 'fel lösenord helt klart' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'wrong_password', issues: [{ path: 'body.password', code: 'wrong_password' }] });
    // Sign-in keeps its one answer for a wrong address or password, naming no field.
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: 'fel lösenord helt klart' } });
    expect(login.json<Problem>().code).toBe('invalid_credentials');
    expect(login.json<Problem>().issues).toBeUndefined();
  });

  it('wrong step-up passwords count toward the lockout with sign-in failures', async () => {
    const account = await makeAccount(t.services);
    const call = asWeb(t, await signInWeb(t, account));
    t.clock.advanceMinutes(11);
    const wrongLogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: 'fel lösenord helt klart' } });
    expect(wrongLogin.json<Problem>().code).toBe('invalid_credentials');
    for (let i = 0; i < 2; i++) expect((await call('POST', '/auth/step-up/password', { password: 'fel lösenord igen' })).json<Problem>().code).toBe('wrong_password');
    const locking = await call('POST', '/auth/step-up/password', { password: 'fel lösenord igen' });
    expect(locking.statusCode).toBe(423);
    expect(locking.headers['retry-after']).toBe('900');
    // Locked: even the right password is refused, at step-up and at sign-in.
    expect((await call('POST', '/auth/step-up/password', { password: TEST_PASSWORD })).json<Problem>().code).toBe('account_locked');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD } });
    expect(login.json<Problem>().code).toBe('account_locked');
    expect(await messageMatching(t, account.email, /låst/)).toBeDefined();
  });
});
