import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asWeb, messageMatching } from '../../../test/account-helpers.ts';
import { makeAccount, makeInstallation } from '../../../test/factories.ts';
import { signInWeb } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { listInstallationAudit } from '../audit/index.ts';
import type { Problem } from '../../../contract/problem.ts';

/** Closing an account (SPEC §3.12) as the installations see it. */
describe.each(testDbKinds())('closing an account with installations on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t.close());

  it('a system owner is told to hand over first, and keeps everything', async () => {
    const owner = await makeAccount(t.services);
    const installation = await makeInstallation(t.services, [{ accountId: owner.id, level: 'owner' }]);
    const me = asWeb(t, await signInWeb(t, owner));
    const refused = await me('POST', '/me/close');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Problem>().code).toBe('owner_must_transfer');
    const list = await me('GET', '/installations');
    expect(list.json<{ id: string }[]>().map((i) => i.id)).toContain(installation.id);
  });

  it('a member leaves every installation, audited, and the owner is told', async () => {
    const owner = await makeAccount(t.services, { language: 'en' });
    const user = await makeAccount(t.services, { name: 'Siv Slutar' });
    const installation = await makeInstallation(t.services, [
      { accountId: owner.id, level: 'owner' },
      { accountId: user.id, level: 'user' },
    ]);
    const me = asWeb(t, await signInWeb(t, user));
    expect((await me('POST', '/me/close')).statusCode).toBe(204);

    const ownerSession = asWeb(t, await signInWeb(t, owner));
    const members = (await ownerSession('GET', `/installations/${installation.id}/members`)).json() as Array<{ accountId: string }>;
    expect(members.map((m) => m.accountId)).toEqual([owner.id]);
    const audit = await listInstallationAudit(t.services.db, installation.id);
    expect(audit.some((a) => a.action === 'member_left' && a.targetAccountId === user.id)).toBe(true);
    expect(await messageMatching(t, owner.email, /Siv Slutar/)).toBeDefined();
  });
});
