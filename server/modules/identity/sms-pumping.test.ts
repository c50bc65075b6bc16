import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../../test/factories.ts';
import { signInWeb, type WebSession } from '../../../test/sign-in.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { listDevMessages } from '../notifications/index.ts';
import { monthKey, reservedSmsInMonth, reservedUnverifiedSmsInMonth } from '../verification/index.ts';
import type { Problem } from '../../../contract/problem.ts';

/** Issue 15 item 5: SMS to numbers not yet verified have limits and a budget share of their own (ADR 52). */
describe.each(testDbKinds())('SMS to unverified numbers on %s', (db) => {
  let numbers = 0;
  /** A Nordic mobile number nobody has used yet, in the country given by its prefix. */
  const nordic = (prefix: '+4670' | '+479' | '+35840') => `${prefix}${String(1000000 + ++numbers).slice(-7)}`;

  const changePhone = (t: TestApp, session: WebSession, phone: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/me/phone', payload: { phone }, cookies: session.cookies, headers: session.headers, remoteAddress });

  /** A self-registered account without a phone, signed in with its e-mail code. */
  const stranger = async (t: TestApp) => {
    const account = await makeAccount(t.services, { phone: null });
    return { account, session: await signInWeb(t, account) };
  };

  describe('the budget share', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ db, env: { SMS_MONTHLY_BUDGET: '12', SMS_UNVERIFIED_BUDGET_PERCENT: '25', SMS_UNVERIFIED_PER_ACCOUNT: '3' } });
    });
    afterAll(() => t.close());

    it('four pumping accounts cannot starve the owner’s sign-in code: it still goes by SMS', async () => {
      const owner = await makeAccount(t.services);
      const statuses: number[] = [];
      const codes: string[] = [];
      for (let i = 0; i < 4; i++) {
        const { session } = await stranger(t);
        for (let j = 0; j < 3; j++) {
          const res = await changePhone(t, session, nordic(j % 2 ? '+479' : '+35840'));
          statuses.push(res.statusCode);
          codes.push(res.statusCode === 200 ? 'sent' : res.json<Problem>().code);
          t.clock.advance(31_000);
        }
      }
      // The share is 25 % of 12: three SMS; everything after is refused.
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(new Set(codes.slice(3))).toEqual(new Set(['channel_unavailable']));
      const month = monthKey(t.clock.now());
      expect(await reservedUnverifiedSmsInMonth(t.services.db, month)).toBe(3);

      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: owner.email, password: TEST_PASSWORD } });
      expect(login.json()).toMatchObject({ status: 'code_required', channel: 'sms' });
      expect(await reservedSmsInMonth(t.services.db, month)).toBe(4);
    });

    it('sends to disallowed countries nothing, whatever the budget: sms_destination_not_allowed', async () => {
      const { session } = await stranger(t);
      for (const phone of ['+447400123456', '+4915123456789', '+25271123456', '+8613123456789', '+12015550123', '+61412345678', '+33612345678']) {
        const refused = await changePhone(t, session, phone);
        expect(refused.statusCode).toBe(422);
        expect(refused.json<Problem>().code).toBe('sms_destination_not_allowed');
        // Named at the number's field, where the form shows it.
        expect(refused.json<Problem>().issues).toEqual([expect.objectContaining({ path: 'body.phone', code: 'sms_destination_not_allowed' })]);
        expect(await listDevMessages(t.services.db, phone, 5)).toEqual([]);
      }
    });

    it('a sign-in code still goes to a verified number abroad: it was verified before', async () => {
      const abroad = await makeAccount(t.services, { phone: '+447400123457' });
      t.clock.advance(86400_000 * 40);
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: abroad.email, password: TEST_PASSWORD } });
      expect(login.json()).toMatchObject({ status: 'code_required', channel: 'sms' });
    });
  });

  describe('the limits per IP, per account and in all', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ db, env: { SMS_UNVERIFIED_PER_IP: '2', SMS_UNVERIFIED_PER_ACCOUNT: '2', SMS_UNVERIFIED_GLOBAL: '4', SMS_UNVERIFIED_WINDOW_SECONDS: '3600' } });
    });
    afterAll(() => t.close());

    const expectRateLimited = (res: Awaited<ReturnType<typeof changePhone>>) => {
      expect(res.statusCode).toBe(429);
      expect(res.json<Problem>().code).toBe('rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    };

    it('refuse with rate_limited and Retry-After, IPv6 counted by /64; the next window opens again', async () => {
      const first = await stranger(t);
      expect((await changePhone(t, first.session, nordic('+4670'), '2001:db8:7:1::1')).statusCode).toBe(200);
      t.clock.advance(31_000);
      expect((await changePhone(t, first.session, nordic('+4670'), '2001:db8:7:1::2')).statusCode).toBe(200);
      t.clock.advance(31_000);
      // Per IP: the same /64, another account.
      const second = await stranger(t);
      expectRateLimited(await changePhone(t, second.session, nordic('+4670'), '2001:db8:7:1::3'));
      // Per account: another address, the same account.
      expectRateLimited(await changePhone(t, first.session, nordic('+4670'), '198.51.100.9'));
      // In all: two more from elsewhere fill the global figure, the next is refused.
      expect((await changePhone(t, second.session, nordic('+479'), '198.51.100.10')).statusCode).toBe(200);
      t.clock.advance(31_000);
      expect((await changePhone(t, second.session, nordic('+479'), '198.51.100.11')).statusCode).toBe(200);
      const third = await stranger(t);
      expectRateLimited(await changePhone(t, third.session, nordic('+479'), '198.51.100.12'));

      t.clock.advance(3600_000);
      const fourth = await stranger(t);
      expect((await changePhone(t, fourth.session, nordic('+35840'), '198.51.100.12')).statusCode).toBe(200);
    });
  });
});
