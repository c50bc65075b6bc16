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
    expect(publicSettings.parse(response.json())).toEqual({
      customerServicePhone: '020-12 34 56',
      customerServicePhoneLink: { text: '020-12 34 56', dial: '+4620123456' },
      devInbox: true,
      trustedDeviceDays: 14,
    });
  });

  it('says there is no dev inbox when real providers deliver', async () => {
    const real = await createTestApp({
      env: {
        EMAIL_PROVIDER: 'smtp',
        SMTP_HOST: '127.0.0.1',
        EMAIL_FROM: 'Mina sidor <no-reply@example.com>',
        SMS_PROVIDER: '46elks',
        SMS_SENDER: 'Portvakt',
        ELKS_API_USERNAME: 'user',
        ELKS_API_PASSWORD: 'password',
      },
    });
    try {
      const response = await real.app.inject({ method: 'GET', url: '/api/v1/public/settings' });
      expect(response.json<{ devInbox: unknown }>().devInbox).toBe(false);
    } finally {
      await real.close();
    }
  });
});
