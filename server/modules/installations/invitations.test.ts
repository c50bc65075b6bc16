import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeInstallation } from '../../../test/factories.ts';
import { signInApp } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { listInstallationAudit } from '../audit/index.ts';
import type { Account } from '../identity/index.ts';
import { installationInvitations } from './installations.tables.ts';
import type { Problem } from '../../../contract/problem.ts';

describe.each(testDbKinds())('invitations (SPEC §4.3) on %s', (db) => {
  let t: TestApp;
  let owner: Account;
  let admin: Account;
  let installationId: string;
  let asOwner: Record<string, string>;
  let asAdmin: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ db });
    owner = await makeAccount(t.services, { name: 'Olle Ägare' });
    admin = await makeAccount(t.services, { name: 'Anna Admin' });
    installationId = (
      await makeInstallation(
        t.services,
        [
          { accountId: owner.id, level: 'owner' },
          { accountId: admin.id, level: 'administrator' },
        ],
        'Sommarstugan',
      )
    ).id;
    asOwner = (await signInApp(t, owner)).headers;
    asAdmin = (await signInApp(t, admin)).headers;
  });
  afterAll(() => t.close());

  const url = (path = '') => `/api/v1/installations/${installationId}/invitations${path}`;
  const invite = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: url(), headers, payload: { level: 'user', name: 'Ny Person', phone: '0701234567', ...payload } });
  const peek = (token: string) => t.app.inject({ method: 'POST', url: '/api/v1/invitations/peek', payload: { token } });
  const accept = (headers: Record<string, string>, token: string) => t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', headers, payload: { token } });
  const tokenFor = async (email: string) => (await t.latestMessage(email))!.body.match(/#token=([A-Za-z0-9_-]{43})/)![1]!;

  it('invites an existing account, shows who invited whom to what, and makes them a member on accept', async () => {
    const invitee = await makeAccount(t.services, { name: 'Ida Inbjuden', email: 'ida@example.com' });
    const created = await invite(asOwner, { email: ' IDA@Example.com ', level: 'restricted', accessWindow: { weekdays: [6, 7] } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'ida@example.com', level: 'restricted', invitedBy: 'Olle Ägare', expired: false });
    const mail = await t.latestMessage('ida@example.com');
    expect(mail?.subject).toBe('Olle Ägare har bjudit in dig till Sommarstugan');
    expect(mail?.body).toMatch(/Begränsad användare/);
    const token = await tokenFor('ida@example.com');

    // Only a hash of the link is stored.
    const rows = await t.services.db.select().from(installationInvitations);
    expect(JSON.stringify(rows)).not.toContain(token);

    expect((await peek(token)).json()).toMatchObject({ installationAlias: 'Sommarstugan', inviterName: 'Olle Ägare', email: 'ida@example.com', level: 'restricted' });
    const listed = (await t.app.inject({ method: 'GET', url: url(), headers: asAdmin })).json<Array<{ email: string }>>();
    expect(listed.map((i: { email: string }) => i.email)).toContain('ida@example.com');

    const asInvitee = (await signInApp(t, invitee)).headers;
    const accepted = await accept(asInvitee, token);
    expect(accepted.json()).toEqual({ installationId, level: 'restricted' });
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/installations', headers: asInvitee })).json<unknown[]>();
    expect(mine).toMatchObject([{ id: installationId, level: 'restricted', accessWindow: { weekdays: [6, 7] }, withinAccessWindow: false }]);

    const ownerMail = await t.latestMessage(owner.email);
    expect(ownerMail?.subject).toBe('Ny användare i Sommarstugan');
    expect(ownerMail?.body).toMatch(/Ida Inbjuden/);
    const audit = await listInstallationAudit(t.services.db, installationId);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['member_invited', 'member_joined']));
    expect((await t.app.inject({ method: 'GET', url: url(), headers: asOwner })).json<{ email: string }[]>().map((i) => i.email)).not.toContain('ida@example.com');
  });

  it('invites a person with no account to register, in the language asked for', async () => {
    const created = await invite(asOwner, { email: 'nobody-yet@example.com', language: 'en' });
    expect(created.statusCode).toBe(201);
    const mail = await t.latestMessage('nobody-yet@example.com');
    expect(mail?.body).toMatch(/Create your own Mina sidor account with this e-mail address/);
  });

  it('a link works once, even when two requests race for it', async () => {
    const invitee = await makeAccount(t.services, { email: 'racer@example.com' });
    await invite(asOwner, { email: invitee.email });
    const token = await tokenFor(invitee.email);
    const asInvitee = (await signInApp(t, invitee)).headers;
    const results = await Promise.all([accept(asInvitee, token), accept(asInvitee, token), accept(asInvitee, token)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410, 410]);
    expect(results.filter((r) => r.statusCode === 410).every((r) => r.json<Problem>().code === 'invitation_used')).toBe(true);
    expect((await peek(token)).json<Problem>().code).toBe('invitation_used');
  });

  it('refuses an expired link, and a new invitation to the address replaces it', async () => {
    const invitee = await makeAccount(t.services, { email: 'late@example.com' });
    await invite(asOwner, { email: invitee.email });
    const token = await tokenFor(invitee.email);
    t.clock.advance(7 * 86400_000 + 1000);
    expect((await peek(token)).json<Problem>().code).toBe('invitation_expired');
    const asInvitee = (await signInApp(t, invitee)).headers;
    expect((await accept(asInvitee, token)).json<Problem>().code).toBe('invitation_expired');
    const listed = (await t.app.inject({ method: 'GET', url: url(), headers: (await signInApp(t, owner)).headers })).json<Array<{ email: string }>>();
    expect(listed.find((i: { email: string }) => i.email === invitee.email)).toMatchObject({ expired: true });
    asOwner = (await signInApp(t, owner)).headers;
    asAdmin = (await signInApp(t, admin)).headers;
    expect((await invite(asOwner, { email: invitee.email })).statusCode).toBe(201);
  });

  it('refuses to be accepted by another account than the invited address', async () => {
    await invite(asOwner, { email: 'right@example.com' });
    const token = await tokenFor('right@example.com');
    const stranger = await makeAccount(t.services, { email: 'wrong@example.com' });
    const asStranger = (await signInApp(t, stranger)).headers;
    expect((await accept(asStranger, token)).json<Problem>().code).toBe('invitation_wrong_account');
    expect((await accept({}, token)).json<Problem>().code).toBe('unauthenticated');
    // The link is still good for the right person.
    expect((await peek(token)).statusCode).toBe(200);
  });

  it('revoked and re-sent links stop working; the new link works', async () => {
    const revokedOne = (await invite(asOwner, { email: 'revoked@example.com' })).json<{ id: string }>();
    const revokedToken = await tokenFor('revoked@example.com');
    expect((await t.app.inject({ method: 'DELETE', url: url(`/${revokedOne.id}`), headers: asAdmin })).statusCode).toBe(204);
    expect((await peek(revokedToken)).json<Problem>().code).toBe('invitation_revoked');
    expect((await t.app.inject({ method: 'DELETE', url: url(`/${revokedOne.id}`), headers: asAdmin })).json<Problem>().code).toBe('invitation_revoked');

    const invitee = await makeAccount(t.services, { email: 'resent@example.com' });
    const resentOne = (await invite(asOwner, { email: invitee.email })).json<{ id: string }>();
    const oldToken = await tokenFor(invitee.email);
    const resent = await t.app.inject({ method: 'POST', url: url(`/${resentOne.id}/resend`), headers: asOwner });
    expect(resent.statusCode).toBe(200);
    const newToken = await tokenFor(invitee.email);
    expect(newToken).not.toBe(oldToken);
    expect((await peek(oldToken)).json<Problem>().code).toBe('invitation_not_found');
    expect((await accept((await signInApp(t, invitee)).headers, newToken)).statusCode).toBe(200);
  });

  it('refuses a second open invitation, members, and levels the inviter may not give', async () => {
    await invite(asOwner, { email: 'twice@example.com' });
    expect((await invite(asOwner, { email: 'twice@example.com' })).json<Problem>().code).toBe('invitation_pending');
    expect((await invite(asOwner, { email: admin.email })).json<Problem>().code).toBe('already_member');
    expect((await invite(asAdmin, { email: 'boss@example.com', level: 'administrator' })).json<Problem>().code).toBe('level_not_allowed');
    expect((await invite(asOwner, { email: 'boss@example.com', level: 'owner' })).json<Problem>().code).toBe('level_not_allowed');
    expect((await invite(asOwner, { email: 'x@example.com', level: 'user', accessWindow: { weekdays: [1] } })).json<Problem>().code).toBe('invalid_access_window');
    expect((await invite(asOwner, { email: 'x@example.com', level: 'restricted', accessWindow: { startTime: '08:00' } })).json<Problem>().code).toBe('invalid_access_window');
    expect((await invite(asOwner, { email: 'not-an-address' })).json<Problem>().code).toBe('invalid_email');
    expect((await invite(asOwner, { email: 'x@example.com', phone: '08-123 456 78' })).json<Problem>().code).toBe('invalid_phone');

    // An administrator may not revoke or re-send an invitation to a level above theirs.
    const toAdmin = (await invite(asOwner, { email: 'future-admin@example.com', level: 'administrator' })).json<{ id: string }>();
    expect((await t.app.inject({ method: 'DELETE', url: url(`/${toAdmin.id}`), headers: asAdmin })).json<Problem>().code).toBe('level_not_allowed');
    expect((await t.app.inject({ method: 'POST', url: url(`/${toAdmin.id}/resend`), headers: asAdmin })).json<Problem>().code).toBe('level_not_allowed');
  });

  it('answers an unknown link with a stable code', async () => {
    expect((await peek('A'.repeat(43))).json<Problem>().code).toBe('invitation_not_found');
    expect((await peek('short')).json<Problem>().code).toBe('validation_failed');
  });
});
