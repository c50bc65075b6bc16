import { createServer, type AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { startServerProcess } from '../../test/server-process.ts';
import { buildManagementApp } from './management.ts';

/** A loopback port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('metrics on the management listener (METRICS_PORT)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_PORT: '9464' } });
  });
  afterAll(() => t.close());

  it('the public listener no longer shows metrics, but health and readiness stay', async () => {
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(404);
    expect(metrics.body).not.toContain('portvakt_credential_checks_total');
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });

  it("the management listener serves the API's metrics and nothing else", async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.com', password: 'wrong' } });
    const management = await buildManagementApp({ registry: t.services.metrics.registry, logger: pino({ level: 'silent' }) });
    const metrics = await management.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/portvakt_credential_checks_total{kind="password",outcome="[a-z_]+"} [1-9]/);
    expect(metrics.body).toContain('route="/api/v1/auth/login"');
    expect((await management.inject({ method: 'GET', url: '/api/v1/public/settings' })).statusCode).toBe(404);
    await management.close();
  });
});

describe('the server process with METRICS_PORT', () => {
  it('serves /metrics on the management port only, and stops both listeners on SIGTERM', async () => {
    const port = await freePort();
    const server = await startServerProcess({ METRICS_PORT: String(port), PORTVAKT_DEMO_PASSWORD: 'demo lösenord för testerna' }, 120_000);
    try {
      // The public listener has no such route (the portal's pages may answer the path instead).
      expect(await (await fetch(`${server.url}/metrics`)).text()).not.toContain('http_request_duration_seconds');
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('http_request_duration_seconds');
    } finally {
      await server.stop();
    }
    expect(server.child.exitCode).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  }, 180_000);
});
