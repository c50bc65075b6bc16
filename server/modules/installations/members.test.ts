import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeInstallation } from '../../../test/factories.ts';
import { signInApp } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { listInstallationAudit } from '../audit/index.ts';
import type { Account } from '../identity/index.ts';
import type { Problem } from '../../../contract/problem.ts';

describe.each(testDbKinds())('members and levels (SPEC §4.4) on %s', (db) => {
  let t: TestApp;
  let owner: Account, admin: Account, admin2: Account, user: Account, restricted: Account;
  let installationId: string;
  const as = {} as Record<'owner' | 'admin' | 'user' | 'restricted', Record<string, string>>;

  beforeAll(async () => {
    t = await createTestApp({ db });
    [owner, admin, admin2, user, restricted] = (await Promise.all(
      ['Olle Ägare', 'Anna Admin', 'Axel Admin', 'Ulf Användare', 'Rut Begränsad'].map((name) => makeAccount(t.services, { name })),
    )) as [Account, Account, Account, Account, Account];
    installationId = (
      await makeInstallation(t.services, [
        { accountId: owner.id, level: 'owner' },
        { accountId: admin.id, level: 'administrator' },
        { accountId: admin2.id, level: 'administrator' },
        { accountId: user.id, level: 'user' },
        { accountId: restricted.id, level: 'restricted', accessWindow: { weekdays: [4] } },
      ])
    ).id;
    as.owner = (await signInApp(t, owner)).headers;
    as.admin = (await signInApp(t, admin)).headers;
    as.user = (await signInApp(t, user)).headers;
    as.restricted = (await signInApp(t, restricted)).headers;
  });
  afterAll(() => t.close());

  const member = (id: string) => `/api/v1/installations/${installationId}/members/${id}`;
  const change = (headers: Record<string, string>, id: string, payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: member(id), headers, payload });
  const remove = (headers: Record<string, string>, id: string) => t.app.inject({ method: 'DELETE', url: member(id), headers });
  const leave = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: `/api/v1/installations/${installationId}/leave`, headers });
  const levels = async () =>
    Object.fromEntries(
      ((await t.app.inject({ method: 'GET', url: `/api/v1/installations/${installationId}/members`, headers: as.owner })).json() as Array<{ name: string; level: string }>).map((m) => [
        m.name,
        m.level,
      ]),
    );

  it('never removes, demotes or lets go of the system owner', async () => {
    expect((await leave(as.owner)).json<Problem>().code).toBe('last_owner');
    expect((await remove(as.owner, owner.id)).json<Problem>().code).toBe('last_owner');
    expect((await remove(as.admin, owner.id)).json<Problem>().code).toBe('last_owner');
    expect((await change(as.owner, owner.id, { level: 'administrator' })).json<Problem>().code).toBe('last_owner');
    expect((await change(as.admin, owner.id, { level: 'user' })).json<Problem>().code).toBe('last_owner');
    // Nor can a second owner appear: ownership moves through customer service (SPEC §7.3).
    expect((await change(as.owner, user.id, { level: 'owner' })).json<Problem>().code).toBe('level_not_allowed');
    expect((await levels())['Olle Ägare']).toBe('owner');
  });

  it('lets only the owner make administrators; administrators manage only levels below them', async () => {
    expect((await change(as.admin, user.id, { level: 'administrator' })).json<Problem>().code).toBe('level_not_allowed');
    expect((await change(as.admin, admin2.id, { level: 'user' })).json<Problem>().code).toBe('level_not_allowed');
    expect((await remove(as.admin, admin2.id)).json<Problem>().code).toBe('level_not_allowed');
    expect((await change(as.admin, admin.id, { level: 'user' })).json<Problem>().code).toBe('level_not_allowed');
    expect((await change(as.owner, user.id, { level: 'administrator' })).statusCode).toBe(204);
    expect((await change(as.owner, user.id, { level: 'user' })).statusCode).toBe(204);
    expect((await change(as.admin, user.id, { level: 'restricted', accessWindow: { startTime: '08:00', endTime: '17:00' } })).statusCode).toBe(204);
    expect((await change(as.admin, user.id, { level: 'user' })).statusCode).toBe(204);
    expect((await change(as.admin, user.id, { accessWindow: { weekdays: [1] } })).json<Problem>().code).toBe('invalid_access_window');
    const audit = await listInstallationAudit(t.services.db, installationId);
    expect(audit.filter((a) => a.action === 'member_changed' && a.targetAccountId === user.id)).toHaveLength(4);
  });

  it('holds a restricted user to their window and lists what they may do', async () => {
    // The fixed clock is on a Thursday (weekday 4).
    const get = () => t.app.inject({ method: 'GET', url: `/api/v1/installations/${installationId}`, headers: as.restricted });
    expect((await get()).statusCode).toBe(200);
    expect((await change(as.owner, restricted.id, { accessWindow: { weekdays: [6, 7] } })).statusCode).toBe(204);
    expect((await get()).json<Problem>().code).toBe('access_window_closed');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/installations', headers: as.restricted })).json<unknown[]>();
    expect(list[0]).toMatchObject({ level: 'restricted', withinAccessWindow: false, allowedActions: ['membership.leave'] });
    expect((await change(as.admin, restricted.id, { accessWindow: { weekdays: [4], startTime: '09:00', endTime: '17:00' } })).statusCode).toBe(204);
    expect((await get()).statusCode).toBe(200);
  });

  it('removes a member and lets a member leave; the owner is told each time', async () => {
    expect((await remove(as.admin, restricted.id)).statusCode).toBe(204);
    let mail = await t.latestMessage(owner.email);
    expect(mail?.subject).toBe(`En användare har tagits bort från Villa Testgården`);
    expect(mail?.body).toMatch(/Anna Admin har tagit bort Rut Begränsad/);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/installations/${installationId}`, headers: as.restricted })).json<Problem>().code).toBe('not_found');

    expect((await leave(as.user)).statusCode).toBe(204);
    mail = await t.latestMessage(owner.email);
    expect(mail?.body).toMatch(/Ulf Användare har lämnat larmsystemet/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/installations', headers: as.user })).json()).toEqual([]);
    expect((await remove(as.owner, user.id)).json<Problem>().code).toBe('not_found');

    const audit = await listInstallationAudit(t.services.db, installationId);
    expect(audit.slice(0, 2).map((a) => [a.action, a.actorAccountId, a.targetAccountId])).toEqual([
      ['member_left', user.id, user.id],
      ['member_removed', admin.id, restricted.id],
    ]);
  });
});
