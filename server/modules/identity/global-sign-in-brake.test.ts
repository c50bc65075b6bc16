import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { makeAccount } from '../../../test/factories.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import type { Problem } from '../../../contract/problem.ts';
import type { LoginResponse } from '../../../contract/auth.ts';
import type { SignedIn } from '../../../contract/auth.ts';

const WRONG = 'not the right password at all';

/** Issue 15 item 3: credential stuffing from many addresses must not switch sign-in off for everyone (ADR 51). */
describe.each(testDbKinds())('the global sign-in brake on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db, env: { LOGIN_RATE_LIMIT_PER_IP: '10', LOGIN_RATE_LIMIT_GLOBAL: '20', LOGIN_RATE_LIMIT_WINDOW_SECONDS: '300' } });
  });
  afterAll(() => t.close());

  const login = (remoteAddress: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload });
  const verify = (remoteAddress: string, flowId: string, code: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', remoteAddress, payload: { flowId, code, ...extra } });
  /** `client: 'app'` gets the trusted-device token in the answer; a web sign-in only as its cookie. */
  const signIn = async (remoteAddress: string, account: { email: string; phone: string | null }, extra: Record<string, unknown> = {}, client: 'web' | 'app' = 'web') => {
    const { flowId } = (await login(remoteAddress, { email: account.email, password: TEST_PASSWORD, ...(client === 'app' ? { client } : {}) })).json<{ flowId: string }>();
    const signedIn = await verify(remoteAddress, flowId, await t.latestCode(account.phone!), extra);
    expect(signedIn.statusCode).toBe(200);
    return signedIn.json<SignedIn>();
  };

  it('refuses only unrecognised sign-ins once many addresses have used it up', async () => {
    // Before the attack: one owner trusts a device, one has signed in before, one is in the middle of a sign-in.
    const withDevice = await makeAccount(t.services);
    const { deviceToken } = await signIn('198.51.100.1', withDevice, { trustDevice: true }, 'app');
    expect(deviceToken).toEqual(expect.any(String));
    const returning = await makeAccount(t.services);
    await signIn('198.51.100.2', returning);
    const midway = await makeAccount(t.services);
    const { flowId } = (await login('198.51.100.3', { email: midway.email, password: TEST_PASSWORD })).json<{ flowId: string }>();
    const neverSignedIn = await makeAccount(t.services);

    // 8 addresses, each under its own limit, 32 failed sign-ins for made-up addresses.
    for (let ip = 1; ip <= 8; ip++) {
      for (let i = 0; i < 4; i++) await login(`203.0.113.${ip}`, { email: `made-up-${ip}-${i}@example.com`, password: WRONG });
    }

    // An unrecognised context is refused, the same for an unknown address and one without an earlier success.
    for (const email of ['still-made-up@example.com', neverSignedIn.email]) {
      const refused = await login('192.0.2.77', { email, password: TEST_PASSWORD });
      expect(refused.statusCode).toBe(429);
      expect(refused.json<Problem>().code).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }

    // The owner's trusted device signs in at once, from anywhere.
    const trusted = await login('192.0.2.10', { email: withDevice.email, password: TEST_PASSWORD, deviceToken });
    expect(trusted.statusCode).toBe(200);
    expect(trusted.json<LoginResponse>().status).toBe('signed_in');
    // A stolen-looking token is no trusted device: refused like any unrecognised context.
    const forged = await login('192.0.2.11', { email: neverSignedIn.email, password: TEST_PASSWORD, deviceToken: 'x'.repeat(43) });
    expect(forged.statusCode).toBe(429);

    // An address with an earlier success gets its code; a wrong password there is a plain failure.
    const again = await login('192.0.2.12', { email: returning.email, password: TEST_PASSWORD });
    expect(again.statusCode).toBe(200);
    expect(again.json<LoginResponse>().status).toBe('code_required');
    expect((await login('192.0.2.12', { email: returning.email, password: WRONG })).json<Problem>().code).toBe('invalid_credentials');
    expect((await verify('192.0.2.12', again.json<{ flowId: string }>().flowId, await t.latestCode(returning.phone!))).statusCode).toBe(200);

    // The code step of a flow opened before is never refused by the global figure.
    expect((await verify('198.51.100.3', flowId, await t.latestCode(midway.phone!))).statusCode).toBe(200);
    // ...and once signed in, that address is recognised too.
    expect((await login('192.0.2.13', { email: midway.email, password: TEST_PASSWORD })).statusCode).toBe(200);

    // The next window opens again for everyone.
    t.clock.advance(300_000);
    expect((await login('192.0.2.77', { email: neverSignedIn.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('an earlier success is remembered for LOGIN_KNOWN_ADDRESS_DAYS only', async () => {
    t.clock.advance(300_000);
    const account = await makeAccount(t.services);
    await signIn('198.51.100.20', account);
    t.clock.advance(91 * 86400_000);
    for (let i = 0; i < 24; i++) await login(`203.0.113.${100 + (i % 8)}`, { email: `made-up-late-${i}@example.com`, password: WRONG });
    expect((await login('192.0.2.20', { email: account.email, password: TEST_PASSWORD })).statusCode).toBe(429);
  });

  it('counts IPv6 addresses by their /64 in the per-IP limit', async () => {
    t.clock.advance(300_000);
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) statuses.push((await login(`2001:db8:1:2::${i.toString(16)}`, { email: `v6-${i}@example.com`, password: WRONG })).statusCode);
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    expect((await login('2001:db8:1:3::1', { email: 'v6-next@example.com', password: WRONG })).statusCode).toBe(401);
  });
});
