import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/test-app.ts';
import { signInWeb } from '../../test/sign-in.ts';
import { DEMO_ACCOUNTS, seedDemo } from './seed-demo.ts';
import type { Problem } from '../../contract/problem.ts';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates Villa Solbacken with owner, administrator and user, code words, contacts and a contract, once', async () => {
    expect(await seedDemo(t.services, TEST_PASSWORD)).toBe(true);
    expect(await seedDemo(t.services, TEST_PASSWORD)).toBe(false);

    const [owner, admin, user] = DEMO_ACCOUNTS.map((a) => ({ email: a.email, phone: a.phone }));
    const ownerWeb = await signInWeb(t, owner!);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/installations', cookies: ownerWeb.cookies })).json<Array<{ id: string }>>();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ alias: 'Villa Solbacken', level: 'owner', address: { city: 'Täby' } });
    const id = list[0]!.id;

    const get = (path: string, web = ownerWeb) => t.app.inject({ method: 'GET', url: `/api/v1/installations/${id}${path}`, cookies: web.cookies });
    expect((await get('/members')).json<{ email: string; level: string }[]>().map((m) => [m.email, m.level])).toEqual([
      ['owner@example.com', 'owner'],
      ['admin@example.com', 'administrator'],
      ['user@example.com', 'user'],
    ]);
    expect((await get('/code-words')).json()).toMatchObject({ customerWordSet: true, companyWordSet: true });
    expect((await get('/contacts')).json()).toHaveLength(2);
    const contract = (await get('/contract')).json<{ invoices: Array<{ documentUrl: string | null }> }>();
    expect(contract).toMatchObject({ contractNumber: 'AV-2024-018342', bindingEndsOn: '2027-02-28', currency: 'SEK' });
    expect(contract.invoices).toHaveLength(3);
    // Recent invoices link their document; the oldest shows how one without looks.
    expect(contract.invoices.map((i: { documentUrl: string | null }) => i.documentUrl !== null)).toEqual([true, true, false]);
    expect((await get('/overview')).json()).toEqual({
      level: 'owner',
      users: { count: 3 },
      codeWords: { customerWordSet: true, companyWordSet: true, customerWordLocked: false },
      contactPersons: { count: 2, max: 5 },
    });

    const adminWeb = await signInWeb(t, admin!);
    expect((await get('/contract', adminWeb)).statusCode).toBe(200);
    const userWeb = await signInWeb(t, user!);
    expect((await get('/contract', userWeb)).json<Problem>().code).toBe('forbidden');
    expect((await get('/overview', userWeb)).json()).toEqual({ level: 'user', users: null, codeWords: null, contactPersons: null });
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/installations', cookies: userWeb.cookies })).json<unknown[]>();
    expect(mine[0]).toMatchObject({ level: 'user', allowedActions: ['installation.view', 'membership.leave'], assignableLevels: [] });
  });
});
