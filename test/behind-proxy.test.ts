import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from './factories.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from './test-app.ts';

/** The client's own address as the proxy sees it: another loopback address than the proxy's. */
const CLIENT_ADDRESS = '127.0.0.2';

/**
 * A reverse proxy as nginx runs it with `proxy_set_header X-Forwarded-For
 * $proxy_add_x_forwarded_for`: whatever the client sent, then the address it came from.
 */
function startReverseProxy(target: number): Promise<http.Server> {
  const proxy = http.createServer((incoming, outgoing) => {
    const sent = incoming.headers['x-forwarded-for'];
    const forwardedFor = [sent, incoming.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = http.request(
      { host: '127.0.0.1', port: target, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, 'x-forwarded-for': forwardedFor } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(upstream);
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy)));
}

describe('behind a reverse proxy (TRUST_PROXY=1)', () => {
  let t: TestApp;
  let proxy: http.Server;
  let proxyPort: number;

  /** A request from the client through the proxy, with whatever X-Forwarded-For the client makes up. */
  const send = <Body = Record<string, unknown>>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) =>
    new Promise<{ status: number; json: Body }>((resolve, reject) => {
      const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
      const request = http.request(
        { host: '127.0.0.1', port: proxyPort, localAddress: CLIENT_ADDRESS, method, path, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...options.headers } },
        (answer) => {
          let text = '';
          answer
            .setEncoding('utf8')
            .on('data', (chunk) => (text += chunk))
            .on('end', () => resolve({ status: answer.statusCode ?? 0, json: (text ? JSON.parse(text) : null) as Body }));
        },
      );
      request.on('error', reject).end(payload);
    });

  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: '1', LOGIN_RATE_LIMIT_PER_IP: '5', LOGIN_RATE_LIMIT_WINDOW_SECONDS: '300' } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    proxy = await startReverseProxy((t.app.server.address() as AddressInfo).port);
    proxyPort = (proxy.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await t.close();
  });

  it("sessions, security events and the new sign-in e-mail show the address the proxy saw, not the client's claim", async () => {
    const account = await makeAccount(t.services);
    const spoofed = { 'x-forwarded-for': '198.51.100.77' };
    const step1 = await send<{ status: string; flowId: string }>('POST', '/api/v1/auth/login', { body: { email: account.email, password: TEST_PASSWORD, client: 'app' }, headers: spoofed });
    expect(step1.json.status).toBe('code_required');
    const code = await t.latestCode(account.phone!);
    const step2 = await send<{ accessToken: string }>('POST', '/api/v1/auth/login/verify', { body: { flowId: step1.json.flowId, code }, headers: spoofed });
    const bearer = { authorization: `Bearer ${step2.json.accessToken}` };

    const sessions = await send<{ ip: string }[]>('GET', '/api/v1/me/sessions', { headers: bearer });
    expect(sessions.json.map((s) => s.ip)).toEqual([CLIENT_ADDRESS]);
    const activity = await send<{ kind: string; ip: string }[]>('GET', '/api/v1/me/activity', { headers: bearer });
    expect(activity.json.find((e) => e.kind === 'sign_in')).toMatchObject({ ip: CLIENT_ADDRESS });
    const notice = await t.latestMessage(account.email);
    expect(notice?.body).toContain(`IP ${CLIENT_ADDRESS}`);
    expect(JSON.stringify([sessions.json, activity.json, notice])).not.toContain('198.51.100.77');
  });

  it("keeps the proxy's X-Request-Id", async () => {
    const answer = await send('GET', '/api/v1/me', { headers: { 'x-request-id': 'nginx-0f9e8d7c6b5a' } });
    expect(answer.json).toMatchObject({ code: 'unauthenticated', requestId: 'nginx-0f9e8d7c6b5a' });
  });

  it('a fresh left-most X-Forwarded-For on every attempt does not escape the per-IP sign-in limit', async () => {
    t.clock.advance(300_000);
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      const answer = await send('POST', '/api/v1/auth/login', {
        body: { email: `nobody${i}@example.com`, password: 'wrong password' },
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
  });
});
