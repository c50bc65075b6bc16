import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeInstallation } from '../../../test/factories.ts';
import { signInApp } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import type { Problem } from '../../../contract/problem.ts';

/**
 * The overview (issue 14 item 12) gathers figures from pages a level may or may not open: each
 * one must reach exactly the levels the permission table lets read its page, and no further.
 */
describe.each(testDbKinds())('installation overview on %s', (db) => {
  let t: TestApp;
  let installationId: string;
  let installation: Awaited<ReturnType<typeof makeInstallation>>;
  let owner: Awaited<ReturnType<typeof makeAccount>>;
  let admin: typeof owner;
  const headers: Record<string, Record<string, string>> = {};
  const overview = (as: string, id = installationId) => t.app.inject({ method: 'GET', url: `/api/v1/installations/${id}/overview`, headers: headers[as] });

  beforeAll(async () => {
    t = await createTestApp({ db });
    const s = t.services;
    owner = await makeAccount(s);
    admin = await makeAccount(s);
    const user = await makeAccount(s);
    const inWindow = await makeAccount(s);
    const outWindow = await makeAccount(s);
    const foreign = await makeAccount(s);
    // The fixed clock stands on a Thursday morning in Stockholm.
    installation = await makeInstallation(s, [
      { accountId: owner.id, level: 'owner' },
      { accountId: admin.id, level: 'administrator' },
      { accountId: user.id, level: 'user' },
      { accountId: inWindow.id, level: 'restricted', accessWindow: { weekdays: [4], startTime: '07:00', endTime: '18:00' } },
      { accountId: outWindow.id, level: 'restricted', accessWindow: { weekdays: [6, 7] } },
    ]);
    installationId = installation.id;
    const foreignInstallation = await makeInstallation(s, [{ accountId: foreign.id, level: 'owner' }], 'Grannens hus');
    // The neighbour's installation has words and contacts of its own, which must not bleed into ours.
    await s.codeWords.set(foreignInstallation, foreign, { customerWord: 'Hallonsnår', companyWord: 'Vitsippa' });
    await s.contacts.add(foreignInstallation.id, foreign, { name: 'Nora Granne', phones: ['0701112244'], relation: 'Granne', keyHolder: false });

    await s.codeWords.set(installation, owner, { companyWord: 'Kantarell' });
    await s.contacts.add(installation.id, owner, { name: 'Sven Ägare', phones: ['0701740010'], relation: 'Make', keyHolder: true });
    await s.contacts.add(installation.id, owner, { name: 'Karin Lind', phones: ['0701740011'], relation: 'Granne', keyHolder: false });

    const accounts = { owner, admin, user, inWindow, outWindow, foreign };
    for (const [as, account] of Object.entries(accounts)) headers[as] = (await signInApp(t, account)).headers;
    headers.anonymous = {};
  });
  afterAll(() => t.close());

  const everything = {
    users: { count: 5 },
    codeWords: { customerWordSet: false, companyWordSet: true, customerWordLocked: false },
    contactPersons: { count: 2, max: 5 },
  };

  it('gives the system owner every figure of their installation', async () => {
    const response = await overview('owner');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ level: 'owner', ...everything });
  });

  it('gives an administrator every figure too, since they manage users, code words and contact persons', async () => {
    expect((await overview('admin')).json()).toEqual({ level: 'administrator', ...everything });
  });

  it('gives a user their level and no figure of pages their level does not open', async () => {
    const response = await overview('user');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ level: 'user', users: null, codeWords: null, contactPersons: null });
  });

  it('gives a restricted user inside the window their level only', async () => {
    expect((await overview('inWindow')).json()).toEqual({ level: 'restricted', users: null, codeWords: null, contactPersons: null });
  });

  it('refuses a restricted user outside the window, as the installation itself does', async () => {
    const response = await overview('outWindow');
    expect(response.statusCode).toBe(403);
    expect(response.json<Problem>().code).toBe('access_window_closed');
  });

  it('does not tell a stranger the installation exists, nor someone signed out anything', async () => {
    const stranger = await overview('foreign');
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json<Problem>().code).toBe('not_found');
    const unknown = await overview('owner', '00000000-0000-4000-8000-000000000000');
    expect(unknown.json<Problem>().code).toBe('not_found');
    const signedOut = await overview('anonymous');
    expect(signedOut.statusCode).toBe(401);
    expect(signedOut.json<Problem>().code).toBe('unauthenticated');
  });

  it('follows changes: a new customer word, a removed contact person, an administrator made a user', async () => {
    const s = t.services;
    await s.codeWords.set(installation, owner, { customerWord: 'Lingonris' });
    const [first] = await s.contacts.list(installationId);
    await s.contacts.remove(installationId, owner, first!.id);
    const body = (await overview('owner')).json<{ codeWords: unknown; contactPersons: unknown }>();
    expect(body.codeWords).toEqual({ customerWordSet: true, companyWordSet: true, customerWordLocked: false });
    expect(body.contactPersons).toEqual({ count: 1, max: 5 });

    const demoted = await t.app.inject({ method: 'PATCH', url: `/api/v1/installations/${installationId}/members/${admin.id}`, headers: headers.owner, payload: { level: 'user' } });
    expect(demoted.statusCode, demoted.body).toBe(204);
    expect((await overview('admin')).json()).toEqual({ level: 'user', users: null, codeWords: null, contactPersons: null });
  });
});
