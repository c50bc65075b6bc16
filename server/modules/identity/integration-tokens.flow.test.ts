import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBearer, asWeb, messageMatching } from '../../../test/account-helpers.ts';
import { makeAccount } from '../../../test/factories.ts';
import { signInWeb } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { integrationTokens } from './identity.tables.ts';
import type { Problem } from '../../../contract/problem.ts';

describe.each(testDbKinds())('integration tokens on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db, env: { API_TOKEN_RATE_LIMIT_PER_MINUTE: '8' } });
  });
  afterAll(() => t.close());

  it('is shown once, stored only as a hash, read-only by default, and the owner is told', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    const created = await me('POST', '/me/tokens', { name: 'Home Assistant' });
    expect(created.statusCode).toBe(201);
    const { token, id, scope } = created.json<{ token: string; id: string; scope: string }>();
    expect(scope).toBe('read');
    expect(token).toMatch(/^pvt_[A-Za-z0-9_-]{43}$/);

    const listed = (await me('GET', '/me/tokens')).json<unknown[]>();
    expect(listed).toEqual([expect.objectContaining({ id, name: 'Home Assistant', lastUsedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token.slice(4));
    const stored = await t.services.db.select().from(integrationTokens);
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
    expect(await messageMatching(t, account.email, /integrationsnyckel.*Home Assistant/)).toBeDefined();

    const api = asBearer(t, token);
    const read = await api('GET', '/me');
    expect(read.json()).toMatchObject({ email: account.email, secondFactor: 'integration_token' });
    expect((await api('PATCH', '/me', { language: 'en' })).json<Problem>().code).toBe('token_scope_insufficient');
    expect((await me('GET', '/me/tokens')).json<Array<{ lastUsedAt: string | null }>>()[0]!.lastUsedAt).not.toBeNull();
  });

  it('a read_write token may change what its scope covers, but never manages the account', async () => {
    const me = asWeb(t, await signInWeb(t, await makeAccount(t.services)));
    const { token } = (await me('POST', '/me/tokens', { name: 'Skript', scope: 'read_write' })).json<{ token: string }>();
    const api = asBearer(t, token);
    expect((await api('PATCH', '/me', { language: 'en' })).statusCode).toBe(200);
    for (const [method, url] of [
      ['GET', '/me/tokens'],
      ['GET', '/me/sessions'],
      ['GET', '/me/devices'],
      ['POST', '/me/sessions/revoke-others'],
      ['POST', '/auth/step-up/password'],
    ] as const) {
      const answer = await api(method, url, method === 'POST' ? { password: 'x' } : undefined);
      expect({ url, code: answer.json<Problem>().code }).toEqual({ url, code: 'forbidden' });
    }
  });

  it('a revoked token stops working at once', async () => {
    const me = asWeb(t, await signInWeb(t, await makeAccount(t.services)));
    const { token, id } = (await me('POST', '/me/tokens', { name: 'Gammal' })).json<{ token: string; id: string }>();
    expect((await asBearer(t, token)('GET', '/me')).statusCode).toBe(200);
    expect((await me('DELETE', `/me/tokens/${id}`)).statusCode).toBe(204);
    expect((await asBearer(t, token)('GET', '/me')).json<Problem>().code).toBe('unauthenticated');
    expect((await me('GET', '/me/tokens')).json()).toEqual([]);
  });

  it("the account's API rate limit answers 429 with Retry-After, shared by its tokens", async () => {
    const me = asWeb(t, await signInWeb(t, await makeAccount(t.services)));
    const first = asBearer(t, (await me('POST', '/me/tokens', { name: 'Ett' })).json<{ token: string }>().token);
    const second = asBearer(t, (await me('POST', '/me/tokens', { name: 'Två' })).json<{ token: string }>().token);
    // A fresh minute, so the window is predictable.
    const now = t.clock.now();
    t.clock.advance(60_000 - (now.getTime() % 60_000));
    for (let i = 0; i < 5; i++) expect((await first('GET', '/me')).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) expect((await second('GET', '/me')).statusCode).toBe(200);
    const limited = await second('GET', '/me');
    expect(limited.statusCode).toBe(429);
    expect(limited.json<Problem>().code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBe('60');
    expect((await me('GET', '/me')).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await first('GET', '/me')).statusCode).toBe(200);
  });

  it('closing the account ends its tokens', async () => {
    const me = asWeb(t, await signInWeb(t, await makeAccount(t.services)));
    const { token } = (await me('POST', '/me/tokens', { name: 'Sista' })).json<{ token: string }>();
    expect((await me('POST', '/me/close')).statusCode).toBe(204);
    expect((await asBearer(t, token)('GET', '/me')).json<Problem>().code).toBe('unauthenticated');
  });
});
