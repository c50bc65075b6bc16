import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { makeAccount } from '../../test/factories.ts';
import { signInWeb } from '../../test/sign-in.ts';
import { asWeb, signedOut } from '../../test/account-helpers.ts';
import type { Problem } from '../../contract/problem.ts';

describe('HTTP basics: limits, problems, sessions, CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses bodies over the size limit with 413 payload_too_large', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.se', password: 'x'.repeat(70 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json<Problem>().code).toBe('payload_too_large');
  });

  it('refuses other content types with 415 and malformed JSON with 400', async () => {
    const form = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a' });
    expect(form.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(broken.json()).toMatchObject({ status: 400, code: 'malformed_request' });
  });

  it('answers unknown routes with a problem document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json<Problem>().code).toBe('not_found');
  });

  it('refuses a lone UTF-16 surrogate or a NUL in any field with 400 naming the field', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    const token = await me('POST', '/me/tokens', { name: 'Hem \ud83d' });
    expect(token.json()).toMatchObject({ status: 400, code: 'validation_failed', issues: [{ path: 'body.name' }] });
    const registration = await signedOut(t)('POST', '/auth/register', { email: 'new@example.com', name: 'Kim \udc00 Nilsson', password: 'ett långt lösenord för test' });
    expect(registration.json()).toMatchObject({ status: 400, code: 'validation_failed', issues: [{ path: 'body.name' }] });
    const nul = await signedOut(t)('POST', '/auth/login', { email: 'a\u0000@example.com', password: 'x' });
    expect(nul.json()).toMatchObject({ status: 400, code: 'validation_failed', issues: [{ path: 'body.email' }] });
    const query = await t.app.inject({ method: 'GET', url: '/api/v1/me/activity?limit=%00', cookies: (await signInWeb(t, account)).cookies });
    expect(query.json()).toMatchObject({ status: 400, issues: [{ path: 'querystring.limit' }] });
    // A well-formed pair (an emoji) is ordinary text.
    expect((await me('POST', '/me/tokens', { name: 'Hem 🏠' })).statusCode).toBe(201);
  });

  it('GET /me without a session is 401 unauthenticated', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('state changes with a session cookie need the CSRF token', async () => {
    const account = await makeAccount(t.services);
    const session = await signInWeb(t, account);
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: session.cookies });
    expect(forged.json()).toMatchObject({ status: 403, code: 'csrf_failed' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: session.cookies, headers: { 'x-csrf-token': 'guess' } });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: session.cookies, headers: session.headers });
    expect(ok.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: session.cookies });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated change from another site even with the CSRF token; bearer clients are not asked', async () => {
    const account = await makeAccount(t.services);
    const session = await signInWeb(t, account);
    const create = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', cookies: session.cookies, headers: { ...session.headers, ...headers }, payload: { name: 'Skript' } });
    const crossSites: Array<Record<string, string>> = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }, { origin: 'null' }];
    for (const crossSite of crossSites) {
      expect((await create(crossSite)).json()).toMatchObject({ status: 403, code: 'csrf_failed' });
    }
    expect((await create({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' })).statusCode).toBe(201);
    expect((await create({ origin: 'http://localhost:80' })).statusCode).toBe(201);
    // No browser headers at all (an older browser): the CSRF token alone decides, as before.
    expect((await create({})).statusCode).toBe(201);

    const { signInApp } = await import('../../test/sign-in.ts');
    const app = await signInApp(t, account);
    const fromApp = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...app.headers, 'sec-fetch-site': 'cross-site', origin: 'https://elsewhere.example' } });
    expect(fromApp.statusCode).toBe(204);
  });

  it('sign-out tells the browser to drop cached pages and stored data, but keeps the trusted-device cookie', async () => {
    const account = await makeAccount(t.services);
    const session = await signInWeb(t, account);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: session.cookies, headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toBe('"cache", "storage"');
    expect(out.cookies.map((c) => c.name)).toEqual(['__Host-pv_session']);
  });

  it('the API docs have a CSP of their own; API answers allow nothing', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/static/index.html' });
    expect(docs.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self' 'sha256-[^']+';.*frame-ancestors 'none'$/);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/public/settings' });
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('a web session ends after 30 idle minutes but activity keeps it alive up to 12 hours', async () => {
    const account = await makeAccount(t.services);
    const session = await signInWeb(t, account);
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: session.cookies });
    for (let i = 0; i < 23; i++) {
      t.clock.advanceMinutes(29);
      expect((await me()).statusCode).toBe(200);
    }
    // 23 × 29 min = 11 h 7 min; the absolute limit of 12 h ends it despite the activity.
    t.clock.advanceMinutes(29);
    t.clock.advanceMinutes(29);
    expect((await me()).statusCode).toBe(401);

    const idle = await signInWeb(t, account);
    t.clock.advanceMinutes(31);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: idle.cookies })).statusCode).toBe(401);
  });

  it('an app access token lives 15 minutes', async () => {
    const { signInApp } = await import('../../test/sign-in.ts');
    const account = await makeAccount(t.services);
    const { headers } = await signInApp(t, account);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(200);
    t.clock.advanceMinutes(16);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(401);
  });

  it('serves the OpenAPI 3.1 document with problem responses', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths['/api/v1/auth/login']!.post!.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '423', '429']));
  });

  it('health, readiness and metrics answer', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready' });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('http_request_duration_seconds');
    expect(metrics.body).toMatch(/portvakt_outbox_messages{status="sent"} \d+/);
  });
});
