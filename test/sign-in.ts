import type { Account } from '../server/modules/identity/index.ts';
import { TEST_PASSWORD, type TestApp } from './test-app.ts';

export interface WebSession {
  cookies: Record<string, string>;
  /** Headers for a state-changing request: the CSRF token of the session. */
  headers: Record<string, string>;
}

/** Sign in through the real API (password + SMS code) and return what a browser would hold. */
export async function signInWeb(t: TestApp, account: Pick<Account, 'email' | 'phone'>, password = TEST_PASSWORD): Promise<WebSession> {
  const step1 = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password } });
  if (step1.statusCode !== 200) throw new Error(`login failed: ${step1.body}`);
  const { flowId, channel } = step1.json<{ flowId: string; channel: 'sms' | 'email' }>();
  const code = await t.latestCode(channel === 'sms' ? account.phone! : account.email);
  const step2 = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId, code } });
  if (step2.statusCode !== 200) throw new Error(`verify failed: ${step2.body}`);
  const cookie = step2.cookies.find((c) => c.name === '__Host-pv_session')!;
  return { cookies: { [cookie.name]: cookie.value }, headers: { 'x-csrf-token': step2.json<{ csrfToken: string }>().csrfToken } };
}

/** Sign in as the app does and return its bearer headers. */
export async function signInApp(t: TestApp, account: Pick<Account, 'email' | 'phone'>, password = TEST_PASSWORD) {
  const step1 = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password, client: 'app' } });
  const { flowId, channel } = step1.json<{ flowId: string; channel: 'sms' | 'email' }>();
  const code = await t.latestCode(channel === 'sms' ? account.phone! : account.email);
  const tokens = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId, code } })).json<{ accessToken: string; refreshToken: string }>();
  return { headers: { authorization: `Bearer ${tokens.accessToken}` }, tokens };
}
