import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asWeb, linkToken, messageMatching, signedOut, trustThisDevice } from '../../../test/account-helpers.ts';
import { makeAccount } from '../../../test/factories.ts';
import { signInWeb } from '../../../test/sign-in.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { listSecurityEvents } from '../audit/index.ts';
import { findAccountById } from './accounts.store.ts';
import type { Problem } from '../../../contract/problem.ts';

describe.each(testDbKinds())('closing an account on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
    // Stands in for the installations module's memberships.
    await t.services.db.execute(sql`CREATE TABLE test_memberships (account_id uuid NOT NULL, owner boolean NOT NULL)`);
  });
  afterEach(() => {
    t.services.accountClosure.guards.length = 0;
    t.services.accountClosure.listeners.length = 0;
  });
  afterAll(() => t.close());

  /** What the installations module registers: owners must hand over first; memberships go with the account. */
  function registerMembershipHooks() {
    t.services.accountClosure.guards.push(async (tx, accountId) => {
      const owned = await tx.execute(sql`SELECT 1 FROM test_memberships WHERE account_id = ${accountId} AND owner`);
      return (owned as { rows: unknown[] }).rows.length > 0 ? 'owner_must_transfer' : null;
    });
    t.services.accountClosure.listeners.push(async (tx, accountId) => {
      await tx.execute(sql`DELETE FROM test_memberships WHERE account_id = ${accountId}`);
    });
  }
  const memberships = async (accountId: string) =>
    ((await t.services.db.execute(sql`SELECT 1 FROM test_memberships WHERE account_id = ${accountId}`)) as unknown as { rows: unknown[] }).rows.length;

  it('ends every way in, erases personal data, keeps a pseudonymous trail, and frees the address', async () => {
    registerMembershipHooks();
    const account = await makeAccount(t.services, { name: 'Stina Slutar' });
    await t.services.db.execute(sql`INSERT INTO test_memberships VALUES (${account.id}, false)`);
    const device = await trustThisDevice(t, account);
    const other = asWeb(t, await signInWeb(t, account));
    const me = asWeb(t, await signInWeb(t, account));

    expect((await me('GET', '/me/close')).json()).toEqual({ allowed: true, reason: null });
    expect((await me('POST', '/me/close')).statusCode).toBe(204);
    expect(await messageMatching(t, account.email, /avslutat/)).toBeDefined();
    expect((await me('GET', '/me')).statusCode).toBe(401);
    expect((await other('GET', '/me')).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD }, cookies: device });
    expect(login.json<Problem>().code).toBe('invalid_credentials');
    expect(await memberships(account.id)).toBe(0);

    const tombstone = (await findAccountById(t.services.db, account.id))!;
    expect(tombstone).toMatchObject({ status: 'closed', name: '', phone: null, passwordHash: null, emailVerifiedAt: null });
    expect(tombstone.email).not.toContain(account.email.split('@')[0]);
    expect(JSON.stringify(tombstone)).not.toMatch(/Stina|Slutar/);

    const trail = await listSecurityEvents(t.services.db, account.id, 100);
    expect(trail.map((e) => e.kind)).toEqual(expect.arrayContaining(['account_closed', 'sign_in', 'device_trusted', 'account_created']));
    expect(trail.every((e) => e.ip === null && e.userAgent === null)).toBe(true);
    expect(JSON.stringify(trail)).not.toContain(account.email);

    // The address can be used again, by a new account.
    const again = await signedOut(t)('POST', '/auth/register', { email: account.email, name: 'Ny Person', password: TEST_PASSWORD, language: 'sv' });
    expect(again.statusCode).toBe(202);
    expect((await signedOut(t)('POST', '/auth/verify-email', { token: await linkToken(t, account.email, 'verify-email') })).statusCode).toBe(204);
  });

  it('a system owner is refused with a stable code and nothing changes', async () => {
    registerMembershipHooks();
    const account = await makeAccount(t.services);
    await t.services.db.execute(sql`INSERT INTO test_memberships VALUES (${account.id}, true)`);
    const me = asWeb(t, await signInWeb(t, account));
    // The page asks first, so the owner reads why before pressing the button.
    expect((await me('GET', '/me/close')).json()).toEqual({ allowed: false, reason: 'owner_must_transfer' });
    const refused = await me('POST', '/me/close');
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json<Problem>().code).toBe('owner_must_transfer');
    expect((await me('GET', '/me')).statusCode).toBe(200);
    expect(await memberships(account.id)).toBe(1);
    expect((await findAccountById(t.services.db, account.id))!.status).toBe('active');
  });

  it('forgot-password and links of a closed account lead nowhere', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    await signedOut(t)('POST', '/auth/password/forgot', { email: account.email });
    const reset = await linkToken(t, account.email, 'reset-password');
    await me('POST', '/me/close');
    expect((await signedOut(t)('POST', '/auth/password/reset', { token: reset, password: 'ett nytt fint lösenord' })).json<Problem>().code).toBe('link_invalid');
  });
});
