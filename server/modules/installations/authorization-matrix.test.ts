import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstallationAction, PermissionLevel } from '../../../contract/installations.ts';
import { makeAccount, makeInstallation } from '../../../test/factories.ts';
import { signInApp } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { installationMembers, type Member } from './installations.tables.ts';
import { PERMISSIONS } from './permissions.rules.ts';
import type { Problem } from '../../../contract/problem.ts';

/**
 * SPEC §4.2: every installation endpoint × every kind of caller, expected outcomes generated
 * from the permission table and checked against the real routes. A route that is registered
 * but missing here (or listed here but gone) fails the first test.
 */
type Role = 'owner' | 'administrator' | 'user' | 'restricted_in' | 'restricted_out' | 'foreign' | 'anonymous';
const ROLES: Role[] = ['owner', 'administrator', 'user', 'restricted_in', 'restricted_out', 'foreign', 'anonymous'];
type Expected = 'allow' | 'unauthenticated' | 'forbidden' | 'access_window_closed' | 'not_found';

interface Ids {
  installationId: string;
  spareId: string;
  invitationId: string;
  contactId: string;
}
interface Case {
  /** Routes without `:installationId`: open to everyone, or to anyone signed in. */
  access?: 'public' | 'signed_in';
  url: (ids: Ids) => string;
  body?: (ids: Ids, n: number) => unknown;
  /** Runs before each call, for targets a previous allowed call may have used up. */
  prepare?: (ids: Ids) => Promise<void>;
  /** The business rule that refuses an allowed caller here; otherwise an allowed call succeeds. */
  refusal?: (role: Role) => string | undefined;
}

const base = (ids: Ids) => `/api/v1/installations/${ids.installationId}`;

describe('authorization matrix of the installation endpoints', () => {
  let t: TestApp;
  const routes: Array<{ key: string; permission?: InstallationAction }> = [];
  const ids = {} as Ids;
  const headers = {} as Record<Role, Record<string, string>>;
  let memberships: Member[] = [];
  let inviteToken = '';

  const matrix: Record<string, Case> = {
    'GET /api/v1/installations': { access: 'signed_in', url: () => '/api/v1/installations' },
    'GET /api/v1/installations/:installationId': { url: base },
    'GET /api/v1/installations/:installationId/members': { url: (i) => `${base(i)}/members` },
    'PATCH /api/v1/installations/:installationId/members/:accountId': {
      url: (i) => `${base(i)}/members/${i.spareId}`,
      body: () => ({ level: 'restricted', accessWindow: { weekdays: [1, 2, 3, 4, 5] } }),
    },
    'DELETE /api/v1/installations/:installationId/members/:accountId': { url: (i) => `${base(i)}/members/${i.spareId}` },
    'POST /api/v1/installations/:installationId/leave': { url: (i) => `${base(i)}/leave`, refusal: (role) => (role === 'owner' ? 'last_owner' : undefined) },
    'GET /api/v1/installations/:installationId/invitations': { url: (i) => `${base(i)}/invitations` },
    'POST /api/v1/installations/:installationId/invitations': {
      url: (i) => `${base(i)}/invitations`,
      body: (_i, n) => ({ level: 'user', name: 'Nils Ny', email: `new${n}@example.com`, phone: '0701234567' }),
    },
    'POST /api/v1/installations/:installationId/invitations/:invitationId/resend': {
      url: (i) => `${base(i)}/invitations/${i.invitationId}/resend`,
      prepare: () => freshInvitation(),
    },
    'DELETE /api/v1/installations/:installationId/invitations/:invitationId': {
      url: (i) => `${base(i)}/invitations/${i.invitationId}`,
      prepare: () => freshInvitation(),
    },
    'POST /api/v1/invitations/peek': { access: 'public', url: () => '/api/v1/invitations/peek', body: () => ({ token: inviteToken }), prepare: () => freshInvitation() },
    // Nobody in the matrix is the invited address.
    'POST /api/v1/invitations/accept': {
      access: 'signed_in',
      url: () => '/api/v1/invitations/accept',
      body: () => ({ token: inviteToken }),
      prepare: () => freshInvitation(),
      refusal: () => 'invitation_wrong_account',
    },
    'POST /api/v1/invitations/phone': {
      access: 'signed_in',
      url: () => '/api/v1/invitations/phone',
      body: () => ({ token: inviteToken }),
      prepare: () => freshInvitation(),
      refusal: () => 'invitation_wrong_account',
    },
    'POST /api/v1/invitations/phone/code': {
      access: 'signed_in',
      url: () => '/api/v1/invitations/phone/code',
      body: () => ({ token: inviteToken, phone: '0701234567' }),
      prepare: () => freshInvitation(),
      refusal: () => 'invitation_wrong_account',
    },
    'POST /api/v1/invitations/phone/verify': {
      access: 'signed_in',
      url: () => '/api/v1/invitations/phone/verify',
      body: () => ({ token: inviteToken, code: '123456' }),
      prepare: () => freshInvitation(),
      refusal: () => 'invitation_wrong_account',
    },
    'GET /api/v1/installations/:installationId/code-words': { url: (i) => `${base(i)}/code-words` },
    'PUT /api/v1/installations/:installationId/code-words': {
      url: (i) => `${base(i)}/code-words`,
      body: () => ({ customerWord: 'Lingonris', companyWord: 'Granbarr' }),
    },
    'POST /api/v1/installations/:installationId/code-words/company/reveal': { url: (i) => `${base(i)}/code-words/company/reveal` },
    'GET /api/v1/installations/:installationId/contacts': { url: (i) => `${base(i)}/contacts` },
    'POST /api/v1/installations/:installationId/contacts': {
      url: (i) => `${base(i)}/contacts`,
      body: () => ({ name: 'Greta Granne', phones: ['0709876543'], relation: 'Granne' }),
      prepare: () => resetContacts(),
    },
    'PUT /api/v1/installations/:installationId/contacts/:contactId': {
      url: (i) => `${base(i)}/contacts/${i.contactId}`,
      body: () => ({ name: 'Greta Granne', phones: ['0709876543'], relation: 'Granne', keyHolder: true }),
      prepare: () => resetContacts(),
    },
    'DELETE /api/v1/installations/:installationId/contacts/:contactId': { url: (i) => `${base(i)}/contacts/${i.contactId}`, prepare: () => resetContacts() },
    'PUT /api/v1/installations/:installationId/contact-order': {
      url: (i) => `${base(i)}/contact-order`,
      body: (i) => ({ ids: [i.contactId] }),
      prepare: () => resetContacts(),
    },
    'GET /api/v1/installations/:installationId/contract': { url: (i) => `${base(i)}/contract` },
    'GET /api/v1/installations/:installationId/overview': { url: (i) => `${base(i)}/overview` },
  };

  /** One contact person, so routes that change or remove one always find it. */
  async function resetContacts(): Promise<void> {
    const owner = (await t.services.identity.accounts.findByEmail('matrix-owner@example.com'))!;
    for (const c of await t.services.contacts.list(ids.installationId)) await t.services.contacts.remove(ids.installationId, owner, c.id);
    const [created] = await t.services.contacts.add(ids.installationId, owner, { name: 'Kim Kontakt', phones: ['0701112233'], relation: 'Vän', keyHolder: false });
    ids.contactId = created!.id;
  }

  /** A new pending invitation by the owner, and its link's token from the e-mail. */
  let invitations = 0;
  async function freshInvitation(): Promise<void> {
    invitations += 1;
    const email = `invitee${invitations}@example.com`;
    const invited = await t.app.inject({
      method: 'POST',
      url: `${base(ids)}/invitations`,
      headers: headers.owner,
      payload: { level: 'user', name: 'Ivar Inbjuden', email, phone: '0701231234' },
    });
    ids.invitationId = invited.json<{ id: string }>().id;
    inviteToken = (await t.latestMessage(email))!.body.match(/#token=([A-Za-z0-9_-]{43})/)![1]!;
  }

  beforeAll(async () => {
    t = await createTestApp({
      onRoute: (route: RouteOptions) => {
        const methods = [route.method].flat().filter((m) => m !== 'HEAD');
        const url = route.url;
        if (!/^\/api\/v1\/(installations|invitations)/.test(url)) return;
        for (const method of methods) routes.push({ key: `${method} ${url}`, permission: route.config?.permission });
      },
    });
    const s = t.services;
    const owner = await makeAccount(s, { email: 'matrix-owner@example.com' });
    const admin = await makeAccount(s);
    const user = await makeAccount(s);
    const inWindow = await makeAccount(s);
    const outWindow = await makeAccount(s);
    const foreign = await makeAccount(s);
    const spare = await makeAccount(s);
    // The fixed clock stands on a Thursday morning in Stockholm.
    const installation = await makeInstallation(s, [
      { accountId: owner.id, level: 'owner' },
      { accountId: admin.id, level: 'administrator' },
      { accountId: user.id, level: 'user' },
      { accountId: inWindow.id, level: 'restricted', accessWindow: { weekdays: [4], startTime: '07:00', endTime: '18:00' } },
      { accountId: outWindow.id, level: 'restricted', accessWindow: { weekdays: [6, 7] } },
      { accountId: spare.id, level: 'user' },
    ]);
    await makeInstallation(s, [{ accountId: foreign.id, level: 'owner' }], 'Grannens hus');
    ids.installationId = installation.id;
    ids.spareId = spare.id;
    memberships = await s.db.select().from(installationMembers);

    await s.codeWords.set(installation, owner, { customerWord: 'Lingonris', companyWord: 'Granbarr' });
    await s.contracts.record({
      installationId: installation.id,
      contractNumber: 'M-1',
      startDate: '2025-01-01',
      bindingMonths: 24,
      services: ['alarm_monitoring'],
      monthlyPriceOre: 39900,
      terminationState: 'none',
      terminationRequestedOn: null,
      terminationEndsOn: null,
      invoices: [],
    });

    const accounts: Record<Exclude<Role, 'anonymous'>, typeof owner> = {
      owner,
      administrator: admin,
      user,
      restricted_in: inWindow,
      restricted_out: outWindow,
      foreign,
    };
    for (const [role, account] of Object.entries(accounts)) headers[role as Role] = (await signInApp(t, account)).headers;
    headers.anonymous = {};
  });
  afterAll(() => t.close());

  function expected(key: string, c: Case, role: Role): Expected {
    if (c.access === 'public') return 'allow';
    if (role === 'anonymous') return 'unauthenticated';
    if (c.access === 'signed_in') return 'allow';
    if (role === 'foreign') return 'not_found';
    const permission = routes.find((r) => r.key === key)!.permission!;
    const level: PermissionLevel = role === 'restricted_in' || role === 'restricted_out' ? 'restricted' : role;
    const grant = PERMISSIONS[permission].levels[level];
    if (grant === 'deny') return 'forbidden';
    if (grant === 'in_window' && role === 'restricted_out') return 'access_window_closed';
    return 'allow';
  }

  it('lists exactly the registered routes, each guarded one naming a permission', () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(matrix).sort());
    for (const [key, c] of Object.entries(matrix)) {
      expect(Boolean(routes.find((r) => r.key === key)?.permission), key).toBe(!c.access);
    }
  });

  let n = 0;
  const cases = Object.keys(matrix).flatMap((key) => ROLES.map((role) => ({ key, role })));
  it.each(cases)('$key as $role', async ({ key, role }) => {
    const c = matrix[key]!;
    await c.prepare?.(ids);
    n += 1;
    const method = key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    const response = await t.app.inject({ method, url: c.url(ids), headers: headers[role], payload: c.body?.(ids, n) as object | undefined });
    const want = expected(key, c, role);
    const body: Partial<Problem> = response.body ? response.json<Problem>() : {};
    if (want !== 'allow') expect(body.code, response.body).toBe(want);
    else if (c.refusal?.(role)) expect(body.code, response.body).toBe(c.refusal(role));
    else expect(response.statusCode, response.body).toBeLessThan(300);
    // Leaving and removing are allowed for some: put the members back for the next case.
    await t.services.db.insert(installationMembers).values(memberships).onConflictDoNothing();
  });

  it('sensitive actions need a fresh step-up, as the table marks them (SPEC §3.9)', async () => {
    for (const c of Object.values(matrix)) await c.prepare?.(ids);
    t.clock.advanceMinutes(11);
    for (const [key, c] of Object.entries(matrix)) {
      const permission = routes.find((r) => r.key === key)?.permission;
      if (!permission) continue;
      const method = key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const response = await t.app.inject({ method, url: c.url(ids), headers: headers.administrator, payload: c.body?.(ids, 0) as object | undefined });
      const stepUp = response.statusCode === 403 && response.json<Problem>().code === 'step_up_required';
      expect(stepUp, `${key}: ${response.body}`).toBe(PERMISSIONS[permission].stepUp);
      await t.services.db.insert(installationMembers).values(memberships).onConflictDoNothing();
    }
  });
});
