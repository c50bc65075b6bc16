import type { Problem } from '../../contract/problem.ts';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PROXY_ID = 'edge-7f3a9c21-0001';
const PROXY = '10.20.30.40';

describe('request ids', () => {
  let direct: TestApp;
  let behindProxy: TestApp;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) });
    [direct, behindProxy] = await Promise.all([createTestApp(), createTestApp({ env: { TRUST_PROXY: '10.0.0.0/8, 192.0.2.7' }, logger: pino({ level: 'info' }, sink) })]);
  });
  afterAll(() => Promise.all([direct.close(), behindProxy.close()]));

  it('every answer carries one, and a problem names it in its body', async () => {
    const ok = await direct.app.inject({ method: 'GET', url: '/health' });
    expect(ok.headers['x-request-id']).toMatch(UUID);
    const problem = await direct.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(problem.headers['x-request-id']).toMatch(UUID);
    expect(problem.json()).toMatchObject({ code: 'unauthenticated', requestId: problem.headers['x-request-id'] });
    // Raised by Fastify before any hook runs: still named.
    const framework = await direct.app.inject({ method: 'GET', url: `/api/v1/installations/${'x'.repeat(200)}%zz` });
    expect(framework.statusCode).toBe(400);
    expect(framework.headers['x-request-id']).toMatch(UUID);
    expect(framework.json<Problem>().requestId).toBe(framework.headers['x-request-id']);
  });

  it("ignores a client's own X-Request-Id when no proxy is trusted", async () => {
    const res = await direct.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': PROXY_ID } });
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.json<Problem>().requestId).not.toBe(PROXY_ID);
  });

  it("uses a trusted proxy's X-Request-Id in the answer, the problem and the log", async () => {
    const res = await behindProxy.app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress: PROXY, headers: { 'x-request-id': PROXY_ID } });
    expect(res.headers['x-request-id']).toBe(PROXY_ID);
    expect(res.json<Problem>().requestId).toBe(PROXY_ID);
    expect(lines.find((line) => line.path === '/api/v1/me')).toMatchObject({ reqId: PROXY_ID, status: 401 });
  });

  it('believes it only from a configured proxy address', async () => {
    const elsewhere = await behindProxy.app.inject({ method: 'GET', url: '/health', remoteAddress: '198.51.100.9', headers: { 'x-request-id': PROXY_ID } });
    expect(elsewhere.headers['x-request-id']).toMatch(UUID);
  });

  it('replaces an incoming id that is too long or could forge a log line', async () => {
    for (const bad of ['x'.repeat(129), 'abc def\nforged', 'short', '<script>alert(1)</script>']) {
      const res = await behindProxy.app.inject({ method: 'GET', url: '/health', remoteAddress: PROXY, headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
  });
});
