import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { asWeb, messageMatching, signedOut } from '../../../test/account-helpers.ts';
import { makeAccount, makeInstallation } from '../../../test/factories.ts';
import { signInApp, signInWeb } from '../../../test/sign-in.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { findAccountById, type Account } from '../identity/index.ts';
import { installationInvitations } from './installations.tables.ts';
import type { Problem } from '../../../contract/problem.ts';

/** Issue 14 item 3: the invitee confirms (or replaces) the number the inviter typed while accepting (ADR 0045). */
describe.each(testDbKinds())('the invited person keeps the phone the inviter typed, on %s', (db) => {
  let t: TestApp;
  let installationId: string;
  let owner: Account;
  let asOwner: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ db });
    owner = await makeAccount(t.services, { name: 'Olle Ägare' });
    installationId = (await makeInstallation(t.services, [{ accountId: owner.id, level: 'owner' }], 'Sjöboden')).id;
    asOwner = (await signInApp(t, owner)).headers;
  });
  afterAll(() => t.close());

  /** The owner invites `email`, typing `phone`; returns the link's token. */
  async function invite(email: string, phone = '070-123 45 67'): Promise<string> {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/installations/${installationId}/invitations`,
      headers: asOwner,
      payload: { level: 'user', name: 'Ny Person', email, phone },
    });
    expect(created.statusCode).toBe(201);
    return (await messageMatching(t, email, /#token=/))!.body.match(/#token=([A-Za-z0-9_-]{43})/)![1]!;
  }
  const storedPhone = async (email: string) =>
    (await t.services.db.select({ phone: installationInvitations.phone }).from(installationInvitations).where(eq(installationInvitations.email, email))).map((r) => r.phone);
  const loginChannel = async (email: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } })).json<{ channel: string }>().channel;
  /** An account as registering makes it: no phone yet, so its codes go by e-mail. */
  const newcomer = (email: string) => makeAccount(t.services, { email, phone: null });
  const reload = async (account: Account) => (await findAccountById(t.services.db, account.id))!;

  it("offers the typed number; confirmed with the SMS code it becomes the account's, and sign-in codes go there", async () => {
    const token = await invite('nina@example.com');
    const nina = await newcomer('nina@example.com');
    const me = asWeb(t, await signInWeb(t, nina));

    expect((await me('POST', '/invitations/phone', { token })).json()).toEqual({ phone: '+46701234567' });
    const sent = await me('POST', '/invitations/phone/code', { token, phone: '+46701234567' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json<{ sentTo: string }>().sentTo).toMatch(/67$/);
    const sms = await t.latestMessage('+46701234567');
    expect(sms?.channel).toBe('sms');
    // A wrong code changes nothing.
    expect((await me('POST', '/invitations/phone/verify', { token, code: '000000' })).json<Problem>().code).toBe('invalid_code');
    expect((await reload(nina)).phoneVerifiedAt).toBeNull();
    expect((await me('POST', '/invitations/phone/verify', { token, code: await t.latestCode('+46701234567') })).statusCode).toBe(204);

    const confirmed = await reload(nina);
    expect(confirmed.phone).toBe('+46701234567');
    expect(confirmed.phoneVerifiedAt).not.toBeNull();
    // Confirmed: nothing is offered any more, and the account page is where it changes.
    expect((await me('POST', '/invitations/phone', { token })).json()).toEqual({ phone: null });
    expect((await me('POST', '/invitations/phone/code', { token, phone: '0709876543' })).json<Problem>().code).toBe('phone_already_verified');

    expect((await me('POST', '/invitations/accept', { token })).statusCode).toBe(200);
    expect(await storedPhone(nina.email)).toEqual([null]);
    expect(await loginChannel(nina.email)).toBe('sms');
  });

  it('confirms another number instead when the invitee types their own', async () => {
    const token = await invite('other@example.com', '070-666 77 88');
    const invitee = await newcomer('other@example.com');
    const me = asWeb(t, await signInWeb(t, invitee));
    expect((await me('POST', '/invitations/phone/code', { token, phone: 'not a number' })).json<Problem>().code).toBe('invalid_phone');
    await me('POST', '/invitations/phone/code', { token, phone: '073-555 66 77' });
    expect(await t.latestMessage('+46706667788')).toBeUndefined();
    expect((await me('POST', '/invitations/phone/verify', { token, code: await t.latestCode('+46735556677') })).statusCode).toBe(204);
    expect((await reload(invitee)).phone).toBe('+46735556677');
    await me('POST', '/invitations/accept', { token });
    expect(await storedPhone(invitee.email)).toEqual([null]);
  });

  it('accepted without confirming, the account has no phone and its codes keep going by e-mail', async () => {
    const token = await invite('skip@example.com');
    const invitee = await newcomer('skip@example.com');
    const me = asWeb(t, await signInWeb(t, invitee));
    // A code sent but never confirmed stores nothing either.
    await me('POST', '/invitations/phone/code', { token, phone: '+46701234567' });
    expect((await me('POST', '/invitations/accept', { token })).statusCode).toBe(200);
    const joined = await reload(invitee);
    expect(joined.phone).toBeNull();
    expect(await storedPhone(invitee.email)).toEqual([null]);
    expect(await loginChannel(invitee.email)).toBe('email');
    // With the invitation spent, its number can no longer be confirmed through it.
    expect((await me('POST', '/invitations/phone/verify', { token, code: await t.latestCode('+46701234567') })).json<Problem>().code).toBe('invitation_used');
    expect((await reload(invitee)).phone).toBeNull();
  });

  it('an existing account keeps its own verified number; the typed one is neither offered nor stored on it', async () => {
    const token = await invite('has-phone@example.com', '070-999 88 77');
    const invitee = await makeAccount(t.services, { email: 'has-phone@example.com', phone: '+46702223344' });
    const me = asWeb(t, await signInWeb(t, invitee));
    expect((await me('POST', '/invitations/phone', { token })).json()).toEqual({ phone: null });
    expect((await me('POST', '/invitations/phone/code', { token, phone: '070-999 88 77' })).json<Problem>().code).toBe('phone_already_verified');
    expect((await me('POST', '/invitations/phone/verify', { token, code: '123456' })).json<Problem>().code).toBe('phone_already_verified');
    expect(await t.latestMessage('+46709998877')).toBeUndefined();
    await me('POST', '/invitations/accept', { token });
    const joined = await reload(invitee);
    expect(joined.phone).toBe('+46702223344');
    expect(joined.phoneVerifiedAt).not.toBeNull();
    expect(await storedPhone(invitee.email)).toEqual([null]);
  });

  it('only the signed-in invited address, with an open invitation, may confirm through it', async () => {
    const token = await invite('right-one@example.com');
    expect((await signedOut(t)('POST', '/invitations/phone', { token })).json<Problem>().code).toBe('unauthenticated');
    const stranger = asWeb(t, await signInWeb(t, await newcomer('stranger@example.com')));
    expect((await stranger('POST', '/invitations/phone', { token })).json<Problem>().code).toBe('invitation_wrong_account');
    expect((await stranger('POST', '/invitations/phone/code', { token, phone: '+46701234567' })).json<Problem>().code).toBe('invitation_wrong_account');
    const me = asWeb(t, await signInWeb(t, await newcomer('right-one@example.com')));
    expect((await me('POST', '/invitations/phone', { token })).json()).toEqual({ phone: '+46701234567' });
    expect((await me('POST', '/invitations/phone', { token: 'x'.repeat(43) })).json<Problem>().code).toBe('invitation_not_found');
  });

  it('erases the typed number when the invitation is revoked or replaced after expiring', async () => {
    await invite('revoked@example.com');
    const [open] = (await t.app.inject({ method: 'GET', url: `/api/v1/installations/${installationId}/invitations`, headers: asOwner }))
      .json<Array<{ id: string; email: string; phone: string | null }>>()
      .filter((i: { email: string }) => i.email === 'revoked@example.com');
    expect(open!.phone).toBe('+46701234567');
    await t.app.inject({ method: 'DELETE', url: `/api/v1/installations/${installationId}/invitations/${open!.id}`, headers: asOwner });
    expect(await storedPhone('revoked@example.com')).toEqual([null]);

    const expiredToken = await invite('expired@example.com', '070-111 22 33');
    t.clock.advance(7 * 86400_000 + 1000);
    asOwner = (await signInApp(t, owner)).headers;
    const me = asWeb(t, await signInWeb(t, await newcomer('expired@example.com')));
    expect((await me('POST', '/invitations/phone', { token: expiredToken })).json<Problem>().code).toBe('invitation_expired');
    await invite('expired@example.com', '070-444 55 66');
    expect((await storedPhone('expired@example.com')).sort()).toEqual(['+46704445566', null]);

    // The database holds to it: a closed invitation cannot keep a number.
    const closed = t.services.db.update(installationInvitations).set({ phone: '+46701234567' }).where(eq(installationInvitations.email, 'revoked@example.com'));
    await expect(closed).rejects.toThrow();
  });
});
