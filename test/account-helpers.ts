import type { LightMyRequestResponse as Response } from 'fastify';
import type { Account } from '../server/modules/identity/index.ts';
import { listDevMessages, type DevMessage } from '../server/modules/notifications/index.ts';
import { TEST_PASSWORD, type TestApp } from './test-app.ts';
import type { WebSession } from './sign-in.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** One API call as a given caller. */
export type Call = (method: Method, url: string, payload?: object) => Promise<Response>;

export function asWeb(t: TestApp, session: WebSession): Call {
  return (method, url, payload) => t.app.inject({ method, url: `/api/v1${url}`, payload, cookies: session.cookies, headers: session.headers });
}

export function asBearer(t: TestApp, token: string): Call {
  return (method, url, payload) => t.app.inject({ method, url: `/api/v1${url}`, payload, headers: { authorization: `Bearer ${token}` } });
}

export function signedOut(t: TestApp): Call {
  return (method, url, payload) => t.app.inject({ method, url: `/api/v1${url}`, payload });
}

/**
 * The newest message to an address whose subject or body matches. The worker delivers a batch
 * in parallel, so messages queued together reach the inbox in any order: tests pick by content.
 */
export async function messageMatching(t: TestApp, to: string, pattern: RegExp): Promise<DevMessage | undefined> {
  await t.deliver();
  const recent = await listDevMessages(t.services.db, to, 20);
  return recent.find((m) => pattern.test(`${m.subject ?? ''}\n${m.body}`));
}

/** The token of the newest link to a portal page (links carry it in the URL fragment). */
export async function linkToken(t: TestApp, to: string, page: 'activate' | 'verify-email' | 'reset-password' | 'confirm-email' | 'undo-email-change'): Promise<string> {
  const pattern = new RegExp(`/${page}#token=([A-Za-z0-9_-]+)`);
  const token = (await messageMatching(t, to, pattern))?.body.match(pattern)?.[1];
  if (!token) throw new Error(`no ${page} link to ${to}`);
  return token;
}

export async function stepUp(call: Call, password = TEST_PASSWORD): Promise<void> {
  const answer = await call('POST', '/auth/step-up/password', { password });
  if (answer.statusCode !== 200) throw new Error(`step-up failed: ${answer.body}`);
}

/** Sign in with the code and tick "trust this device"; returns the device cookie. */
export async function trustThisDevice(t: TestApp, account: Pick<Account, 'email' | 'phone'>, password = TEST_PASSWORD): Promise<Record<string, string>> {
  const { flowId } = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password } })).json<{ flowId: string }>();
  const code = await t.latestCode(account.phone!);
  const verified = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId, code, trustDevice: true } });
  const device = verified.cookies.find((c) => c.name === '__Host-pv_device');
  if (!device) throw new Error(`no device cookie: ${verified.body}`);
  return { [device.name]: device.value };
}

/** Sign in from a trusted device: no code, and a session without step-up. */
export async function signInTrusted(t: TestApp, account: Pick<Account, 'email'>, deviceCookies: Record<string, string>, password = TEST_PASSWORD): Promise<WebSession> {
  const answer = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password }, cookies: deviceCookies });
  if (answer.json<{ status: string }>().status !== 'signed_in') throw new Error(`expected a trusted sign-in: ${answer.body}`);
  const cookie = answer.cookies.find((c) => c.name === '__Host-pv_session')!;
  return { cookies: { [cookie.name]: cookie.value }, headers: { 'x-csrf-token': answer.json<{ csrfToken: string }>().csrfToken } };
}
