import type { BrowserContext, Page } from 'playwright-core';
import { TEST_PASSWORD, type Account, type Portal } from './portal.ts';

export type LinkPage = 'activate' | 'verify-email' | 'reset-password' | 'confirm-email' | 'undo-email-change';

/** Links already followed, so a journey waits for a new one rather than reusing an old one. */
const usedLinks = new Set<string>();

/** The path and fragment of the newest not yet used link to `page` the dev inbox received for `to`. */
export async function linkFromInbox(portal: Portal, to: string, page: LinkPage): Promise<string> {
  const pattern = new RegExp(`/${page}#token=[A-Za-z0-9_-]+`);
  const link = await portal.inboxFind(to, 10, (bodies) => bodies.map((body) => body.match(pattern)?.[0]).find((found) => found && !usedLinks.has(found)), `new ${page} link`);
  usedLinks.add(link);
  return link;
}

export interface ApiSession {
  call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: object): Promise<Response>;
}

/** Sign in through the API with password and SMS code, as a browser would, for setting up state. */
export async function apiSignIn(portal: Portal, account: Account, password = TEST_PASSWORD): Promise<ApiSession> {
  const post = (path: string, body: object, headers: Record<string, string> = {}) =>
    fetch(`${portal.baseUrl}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const { flowId } = (await (await post('/auth/login', { email: account.email, password })).json()) as { flowId: string };
  const verified = await post('/auth/login/verify', { flowId, code: await portal.latestCode(account.phone!) });
  if (!verified.ok) throw new Error(`sign-in failed: ${await verified.text()}`);
  const cookie = verified.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await verified.json()) as { csrfToken: string };
  return {
    call: (method, path, body) =>
      fetch(`${portal.baseUrl}/api/v1${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      }),
  };
}

/** A call that must succeed; its JSON answer (or null). */
export async function expectOk<T = unknown>(answer: Promise<Response>): Promise<T> {
  const response = await answer;
  if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
  return (response.status === 204 ? null : await response.json()) as T;
}

/**
 * Passkeys need a real host name (an IP address is no WebAuthn relying party), so the page runs
 * at http://localhost:<port> and the browser context forwards that origin to the portal.
 */
export async function serveAsLocalhost(context: BrowserContext, portal: Portal, port: number): Promise<string> {
  const origin = `http://localhost:${port}`;
  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    // Forwarded as a reverse proxy does, with the host the browser asked for.
    const headers = { ...route.request().headers(), host: url.host };
    await route.fulfill({ response: await route.fetch({ url: `${portal.baseUrl}${url.pathname}${url.search}`, headers }) });
  });
  return origin;
}

/** Chromium's built-in virtual authenticator, which answers WebAuthn calls without a person. */
export async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}
