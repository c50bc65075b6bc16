import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeInstallation } from '../../../test/factories.ts';
import { signInApp } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { listInstallationAudit } from '../audit/index.ts';
import type { Problem } from '../../../contract/problem.ts';

describe.each(testDbKinds())('contact persons (SPEC §5.2) on %s', (db) => {
  let t: TestApp;
  let installationId: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ db });
    const owner = await makeAccount(t.services);
    const admin = await makeAccount(t.services);
    installationId = (
      await makeInstallation(t.services, [
        { accountId: owner.id, level: 'owner' },
        { accountId: admin.id, level: 'administrator' },
      ])
    ).id;
    headers = (await signInApp(t, admin)).headers;
  });
  afterAll(() => t.close());

  const url = (path = '/contacts') => `/api/v1/installations/${installationId}${path}`;
  const person = (name: string, extra: Record<string, unknown> = {}) => ({ name, phones: ['070-123 45 67'], relation: 'Granne', ...extra });
  const add = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: url(), headers, payload });

  it('keeps an ordered list of at most five, with phones in E.164', async () => {
    const first = await add(person('Karin', { keyHolder: true, phones: ['0701234567', '+46 70 123 45 67', '0739876543'] }));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual([
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
      { id: expect.any(String), position: 1, name: 'Karin', phones: ['+46701234567', '+46739876543'], relation: 'Granne', keyHolder: true },
    ]);
    for (const name of ['Lars', 'Maja', 'Nils']) expect((await add(person(name))).statusCode).toBe(201);
    // Five at once race for the last place: exactly one gets it.
    const racing = await Promise.all(['Ola', 'Pia', 'Qin', 'Rut', 'Sam'].map((name) => add(person(name))));
    expect(racing.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(racing.filter((r) => r.statusCode === 409).every((r) => r.json<Problem>().code === 'contact_limit_reached')).toBe(true);
    const list = (await t.app.inject({ method: 'GET', url: url(), headers })).json<Array<{ position: number }>>();
    expect(list.map((c: { position: number }) => c.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses numbers that are not mobile numbers and empty names', async () => {
    expect((await add(person('Fel', { phones: ['08-123 456 78'] }))).json<Problem>().code).toBe('invalid_phone');
    expect((await add(person('Fel', { phones: ['nej'] }))).json<Problem>().code).toBe('invalid_phone');
    // The refusal names the number it is about, and the schema's the field and what is wrong with it.
    expect((await add(person('Fel', { phones: ['070-123 45 67', '08-123 456 78'] }))).json<Problem>().issues).toEqual([
      { path: 'body.phones.1', code: 'invalid_phone', message: 'invalid phone' },
    ]);
    expect((await add(person('  '))).json()).toMatchObject({ code: 'validation_failed', issues: [{ path: 'body.name', code: 'required' }] });
    expect((await add(person('Många', { phones: ['0701', '0702', '0703', '0704'] }))).json()).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'body.phones', code: 'too_many_items' }],
    });
  });

  it('changes, reorders and removes, renumbering the calling order', async () => {
    const list = (await t.app.inject({ method: 'GET', url: url(), headers })).json() as Array<{ id: string; name: string }>;
    const ids = list.map((c) => c.id);
    const updated = await t.app.inject({ method: 'PUT', url: url(`/contacts/${ids[1]}`), headers, payload: person('Lars Larsson', { relation: 'Bror', keyHolder: true }) });
    expect(updated.json<unknown[]>()[1]).toMatchObject({ name: 'Lars Larsson', relation: 'Bror', keyHolder: true });

    const reversed = [...ids].reverse();
    const reordered = await t.app.inject({ method: 'PUT', url: url('/contact-order'), headers, payload: { ids: reversed } });
    expect(reordered.json<{ id: string }[]>().map((c) => c.id)).toEqual(reversed);
    expect((await t.app.inject({ method: 'PUT', url: url('/contact-order'), headers, payload: { ids: reversed.slice(1) } })).json<Problem>().code).toBe('contact_order_mismatch');
    expect((await t.app.inject({ method: 'PUT', url: url('/contact-order'), headers, payload: { ids: [reversed[0], ...reversed.slice(0, 4)] } })).json<Problem>().code).toBe(
      'contact_order_mismatch',
    );

    const removed = await t.app.inject({ method: 'DELETE', url: url(`/contacts/${reversed[2]}`), headers });
    expect(removed.json<{ id: string; position: number }[]>().map((c) => [c.id, c.position])).toEqual([
      [reversed[0], 1],
      [reversed[1], 2],
      [reversed[3], 3],
      [reversed[4], 4],
    ]);
    expect((await t.app.inject({ method: 'DELETE', url: url(`/contacts/${reversed[2]}`), headers })).json<Problem>().code).toBe('not_found');

    const actions = (await listInstallationAudit(t.services.db, installationId)).map((a) => a.action);
    expect(actions.slice(0, 3)).toEqual(['contact_removed', 'contacts_reordered', 'contact_updated']);
  });
});
