import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildManagementApp } from './management.ts';

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
