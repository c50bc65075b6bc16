import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asWeb, linkToken, messageMatching, signedOut, trustThisDevice } from '../../../test/account-helpers.ts';
import { makeAccount } from '../../../test/factories.ts';
import { signInWeb } from '../../../test/sign-in.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import type { Problem } from '../../../contract/problem.ts';

describe.each(testDbKinds())('change of e-mail and phone on %s', (db) => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t.close());

  const loginStatus = async (email: string, cookies: Record<string, string> = {}) =>
    (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD }, cookies })).json<{ status?: string; code?: string; flowId: string }>();

  it('a new e-mail is confirmed through the new mailbox; the old one is told and can undo it', async () => {
    const account = await makeAccount(t.services);
    const device = await trustThisDevice(t, account);
    const me = asWeb(t, await signInWeb(t, account));
    const newEmail = `moved${++n}@example.org`;

    expect((await me('POST', '/me/email', { email: 'not an address' })).json<Problem>().code).toBe('invalid_email');
    expect((await me('POST', '/me/email', { email: newEmail })).statusCode).toBe(202);
    expect((await me('GET', '/me')).json<{ email: string }>().email).toBe(account.email);
    const confirm = await linkToken(t, newEmail, 'confirm-email');
    expect((await signedOut(t)('POST', '/auth/email/confirm', { token: confirm })).statusCode).toBe(204);
    expect((await signedOut(t)('POST', '/auth/email/confirm', { token: confirm })).json<Problem>().code).toBe('link_invalid');
    expect((await me('GET', '/me')).json<{ email: string }>().email).toBe(newEmail);

    // The change revoked the trusted device, and the new address signs in.
    expect((await loginStatus(newEmail, device)).status).toBe('code_required');
    const told = await messageMatching(t, account.email, /undo-email-change/);
    expect(told?.body).toContain(newEmail);

    const undo = await linkToken(t, account.email, 'undo-email-change');
    expect((await signedOut(t)('POST', '/auth/email/undo', { token: undo })).statusCode).toBe(204);
    expect((await signedOut(t)('POST', '/auth/email/undo', { token: undo })).json<Problem>().code).toBe('link_invalid');
    // Restored, and whoever changed it is signed out.
    expect((await me('GET', '/me')).statusCode).toBe(401);
    expect((await loginStatus(account.email)).status).toBe('code_required');
    expect((await loginStatus(newEmail)).code).toBe('invalid_credentials');
    expect(await messageMatching(t, account.email, /återställd/)).toBeDefined();
  });

  it('an address taken by another account is refused, also when taken between request and confirmation', async () => {
    const account = await makeAccount(t.services);
    const other = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    expect((await me('POST', '/me/email', { email: other.email })).json<Problem>().code).toBe('email_taken');

    const contested = `contested${++n}@example.org`;
    await me('POST', '/me/email', { email: contested });
    const token = await linkToken(t, contested, 'confirm-email');
    await makeAccount(t.services, { email: contested });
    expect((await signedOut(t)('POST', '/auth/email/confirm', { token })).json<Problem>().code).toBe('email_taken');
  });

  it('the confirmation link expires', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    const newEmail = `slow${++n}@example.org`;
    await me('POST', '/me/email', { email: newEmail });
    const token = await linkToken(t, newEmail, 'confirm-email');
    t.clock.advanceMinutes(24 * 60 + 1);
    expect((await signedOut(t)('POST', '/auth/email/confirm', { token })).json<Problem>().code).toBe('link_invalid');
  });

  it('a new phone is confirmed by a code sent to it; trusted devices are revoked and the owner told', async () => {
    const account = await makeAccount(t.services);
    const device = await trustThisDevice(t, account);
    const me = asWeb(t, await signInWeb(t, account));
    expect((await me('POST', '/me/phone', { phone: '08-123 456 78' })).json<Problem>().code).toBe('invalid_phone');
    const sent = await me('POST', '/me/phone', { phone: '070-999 12 34' });
    expect(sent.json()).toMatchObject({ sentTo: '+46 *** ** 34', expiresInSeconds: 300 });
    const code = await t.latestCode('+46709991234');
    expect((await me('POST', '/me/phone/verify', { code: code === '000000' ? '111111' : '000000' })).json<Problem>().code).toBe('invalid_code');
    expect((await me('POST', '/me/phone/verify', { code })).statusCode).toBe(204);
    expect((await me('POST', '/me/phone/verify', { code })).json<Problem>().code).toBe('invalid_code');
    expect((await me('GET', '/me')).json<{ phone: string }>().phone).toBe('+46709991234');
    expect((await loginStatus(account.email, device)).status).toBe('code_required');
    expect((await t.latestMessage('+46709991234'))?.body).toMatch(/^\d{6} är din kod till Mina sidor/);
    expect(await messageMatching(t, account.email, /Mobilnumret|mobilnummer/)).toBeDefined();
  });

  it('FAQ: wrong phone registered → sign in with the e-mail code → change the phone', async () => {
    const account = await makeAccount(t.services, { phone: '+46701112233' });
    const { flowId } = await loginStatus(account.email);
    t.clock.advance(31_000);
    const resend = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/resend', payload: { flowId, channel: 'email' } });
    expect(resend.json<{ channel: string }>().channel).toBe('email');
    const code = await t.latestCode(account.email);
    const verified = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId, code } });
    const cookie = verified.cookies.find((c) => c.name === '__Host-pv_session')!;
    const me = asWeb(t, { cookies: { [cookie.name]: cookie.value }, headers: { 'x-csrf-token': verified.json<{ csrfToken: string }>().csrfToken } });

    expect((await me('POST', '/me/phone', { phone: '+46702223344' })).statusCode).toBe(200);
    expect((await me('POST', '/me/phone/verify', { code: await t.latestCode('+46702223344') })).statusCode).toBe(204);
    const next = await loginStatus(account.email);
    expect(next).toMatchObject({ channel: 'sms', sentTo: '+46 *** ** 44' });
  });

  it('a phone code expires after 5 minutes', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    await me('POST', '/me/phone', { phone: '+46703334455' });
    const code = await t.latestCode('+46703334455');
    t.clock.advanceMinutes(6);
    expect((await me('POST', '/me/phone/verify', { code })).json<Problem>().code).toBe('invalid_code');
    expect((await me('GET', '/me')).json<{ phone: string }>().phone).toBe(account.phone);
  });
});
