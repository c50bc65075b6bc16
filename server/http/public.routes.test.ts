import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSettings } from '../../contract/public.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('GET /api/v1/public/settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CUSTOMER_SERVICE_PHONE: '020-12 34 56', TRUSTED_DEVICE_DAYS: '14' } });
  });
  afterAll(() => t.close());

  it('answers signed out with the customer-service phone, the dev inbox and the trusted-device period', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/public/settings' });
    expect(response.statusCode).toBe(200);
    expect(publicSettings.parse(response.json())).toEqual({ customerServicePhone: '020-12 34 56', devInbox: true, trustedDeviceDays: 14 });
  });

  it('says there is no dev inbox when real providers deliver', async () => {
    const real = await createTestApp({ env: { EMAIL_PROVIDER: 'smtp', SMS_PROVIDER: '46elks' } });
    try {
      const response = await real.app.inject({ method: 'GET', url: '/api/v1/public/settings' });
      expect(response.json().devInbox).toBe(false);
    } finally {
      await real.close();
    }
  });
});
