import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken, messageMatching, signedOut } from '../../../test/account-helpers.ts';
import { signInWeb } from '../../../test/sign-in.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import type { Problem } from '../../../contract/problem.ts';
import type { LoginResponse } from '../../../contract/auth.ts';

describe.each(testDbKinds())('activation and registration on %s', (db) => {
  let t: TestApp;
  let n = 0;
  const nextEmail = (prefix: string) => `${prefix}${++n}@example.com`;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t.close());

  const pendingOwner = (email: string, phone = `+4670555${String(1000 + n).slice(-4)}`) =>
    t.services.identity.activation.createPendingAccount({ email, name: 'Olle Ägare', phone, language: 'sv' });

  it('a provisioned account gets its link by e-mail and SMS, and the owner chooses a password through it', async () => {
    const api = signedOut(t);
    const account = await pendingOwner(nextEmail('owner'));
    expect(account.status).toBe('pending_activation');
    const token = await linkToken(t, account.email, 'activate');
    const sms = await t.latestMessage(account.phone!);
    expect(sms?.body).toContain(`#token=${token}`);

    const login = await api('POST', '/auth/login', { email: account.email, password: TEST_PASSWORD });
    expect(login.json<Problem>().code).toBe('invalid_credentials');

    expect((await api('POST', '/auth/activate', { token, password: 'kort' })).json<Problem>().code).toBe('password_too_short');
    expect((await api('POST', '/auth/activate', { token, password: TEST_PASSWORD })).statusCode).toBe(204);
    expect((await api('POST', '/auth/activate', { token, password: TEST_PASSWORD })).json<Problem>().code).toBe('link_invalid');
    // Two-step verification applies from the first sign-in on.
    await signInWeb(t, account);
  });

  it('the activation link expires after 7 days; a re-sent link works and voids the old one', async () => {
    const api = signedOut(t);
    const account = await pendingOwner(nextEmail('late'));
    const first = await linkToken(t, account.email, 'activate');
    t.clock.advanceMinutes(7 * 24 * 60 + 1);
    expect((await api('POST', '/auth/activate', { token: first, password: TEST_PASSWORD })).json<Problem>().code).toBe('link_invalid');

    expect((await api('POST', '/auth/activation/resend', { email: account.email })).statusCode).toBe(202);
    const second = await linkToken(t, account.email, 'activate');
    expect(second).not.toBe(first);
    await t.services.identity.activation.resendActivation(account.id);
    const third = await linkToken(t, account.email, 'activate');
    expect((await api('POST', '/auth/activate', { token: second, password: TEST_PASSWORD })).json<Problem>().code).toBe('link_invalid');
    expect((await api('POST', '/auth/activate', { token: third, password: TEST_PASSWORD })).statusCode).toBe(204);
  });

  it('provisioning can create the account inside its own transaction, which then commits or rolls back with it', async () => {
    const email = nextEmail('rolled');
    await expect(
      t.services.db.transaction(async (tx) => {
        await t.services.identity.activation.createPendingAccount({ email, name: 'Ingen Alls' }, tx);
        throw new Error('provisioning failed later');
      }),
    ).rejects.toThrow('provisioning failed later');
    expect(await t.services.identity.accounts.findByEmail(email)).toBeUndefined();
    expect(await t.latestMessage(email)).toBeUndefined();
  });

  it('self-registration needs the e-mail confirmed before the account signs in', async () => {
    const api = signedOut(t);
    const email = nextEmail('self');
    const registered = await api('POST', '/auth/register', { email, name: 'Sara Själv', password: TEST_PASSWORD, language: 'en' });
    expect(registered.statusCode).toBe(202);
    expect((await api('POST', '/auth/login', { email, password: TEST_PASSWORD })).json<Problem>().code).toBe('invalid_credentials');
    const token = await linkToken(t, email, 'verify-email');
    expect(await messageMatching(t, email, /Confirm your e-mail/)).toBeDefined();
    expect((await api('POST', '/auth/verify-email', { token })).statusCode).toBe(204);
    expect((await api('POST', '/auth/verify-email', { token })).json<Problem>().code).toBe('link_invalid');
    // No verified phone yet: the code comes by e-mail.
    const login = await api('POST', '/auth/login', { email, password: TEST_PASSWORD });
    expect(login.json()).toMatchObject({ status: 'code_required', channel: 'email', fallbackReason: 'no_phone', methods: ['email'] });
  });

  it('registering an address that has an account answers the same and tells its owner instead', async () => {
    const api = signedOut(t);
    const email = nextEmail('taken');
    await api('POST', '/auth/register', { email, name: 'Första', password: TEST_PASSWORD, language: 'sv' });
    await api('POST', '/auth/verify-email', { token: await linkToken(t, email, 'verify-email') });

    const again = await api('POST', '/auth/register', { email, name: 'Andra', password: 'ett annat långt lösenord', language: 'sv' });
    const fresh = await api('POST', '/auth/register', { email: nextEmail('fresh'), name: 'Tredje', password: TEST_PASSWORD, language: 'sv' });
    expect(again.statusCode).toBe(fresh.statusCode);
    expect(again.body).toBe(fresh.body);
    expect(await messageMatching(t, email, /redan ett konto/)).toBeDefined();
    // The existing password still works: nothing was overwritten.
    expect((await api('POST', '/auth/login', { email, password: TEST_PASSWORD })).json<LoginResponse>().status).toBe('code_required');
  });

  it('password rules apply at registration and nothing is stored when they fail', async () => {
    const api = signedOut(t);
    const email = nextEmail('weak');
    expect((await api('POST', '/auth/register', { email, name: 'Svag', password: 'password1234', language: 'sv' })).json<Problem>().code).toBe('password_too_common');
    expect(await t.services.identity.accounts.findByEmail(email)).toBeUndefined();
  });
});
