import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, forgetCsrfToken, rememberCsrfToken, request, setSessionLostHandler } from './http.ts';

const problem = (code: string, status: number, headers: Record<string, string> = {}, extra = {}) =>
  new Response(JSON.stringify({ type: `urn:portvakt:problem:${code}`, title: code, status, code, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

describe('request', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
    forgetCsrfToken();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('parses the answer with the contract schema', async () => {
    fetchMock.mockResolvedValue(Response.json({ ok: true }));
    await expect(request('GET', '/thing', z.object({ ok: z.boolean() }))).resolves.toEqual({ ok: true });
  });

  it('refuses an answer that does not match the contract', async () => {
    fetchMock.mockResolvedValue(Response.json({ ok: 'yes' }));
    await expect(request('GET', '/thing', z.object({ ok: z.boolean() }))).rejects.toMatchObject({ code: 'unexpected_response' });
  });

  it('sends the CSRF token on changes but not on reads', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    rememberCsrfToken('token-1');
    await request('POST', '/auth/logout', z.null());
    await request('GET', '/me', z.null());
    const headersOf = (call: number) => new Headers(fetchMock.mock.calls[call]![1]!.headers);
    expect(headersOf(0).get('x-csrf-token')).toBe('token-1');
    expect(headersOf(1).get('x-csrf-token')).toBeNull();
  });

  const urlOf = (call: number) => fetchMock.mock.calls[call]![0] as string;
  const csrfHeaderOf = (call: number) => new Headers(fetchMock.mock.calls[call]![1]!.headers).get('x-csrf-token');

  it("asks for the session's token before the first change of a freshly loaded page", async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ csrfToken: 'token-from-me' }));
    fetchMock.mockResolvedValueOnce(Response.json({ ok: true }));
    await request('POST', '/invitations/peek', z.object({ ok: z.boolean() }), { token: 't' });
    expect(urlOf(0)).toMatch(/\/me$/);
    expect(urlOf(1)).toMatch(/\/invitations\/peek$/);
    expect(csrfHeaderOf(1)).toBe('token-from-me');
  });

  it('signed out, asks only once and sends changes without a token', async () => {
    fetchMock.mockResolvedValueOnce(problem('unauthenticated', 401));
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await request('POST', '/auth/password/forgot', z.null(), {});
    await request('POST', '/auth/password/forgot', z.null(), {});
    expect(fetchMock.mock.calls.map((_, call) => urlOf(call).replace(/^.*\/api\/v1/, ''))).toEqual(['/me', '/auth/password/forgot', '/auth/password/forgot']);
    expect(csrfHeaderOf(1)).toBeNull();
  });

  it('fetches the token again and retries once when the server refuses the one held', async () => {
    rememberCsrfToken('stale');
    fetchMock.mockResolvedValueOnce(problem('csrf_failed', 403));
    fetchMock.mockResolvedValueOnce(Response.json({ csrfToken: 'fresh' }));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await request('DELETE', '/thing', z.null());
    expect(csrfHeaderOf(0)).toBe('stale');
    expect(urlOf(1)).toMatch(/\/me$/);
    expect(csrfHeaderOf(2)).toBe('fresh');
  });

  it('turns a problem into an ApiError with its code and the Retry-After deadline', async () => {
    fetchMock.mockResolvedValue(problem('account_locked', 423, { 'retry-after': '900' }, { retryAfterSeconds: 900 }));
    const error = await request('POST', '/auth/login', z.unknown(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'account_locked', status: 423, retryAfterSeconds: 900 });
    const { retryAt, receivedAt } = error as ApiError;
    expect(retryAt).toBe(receivedAt + 900_000);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    fetchMock.mockResolvedValue(problem('rate_limited', 429, { 'retry-after': inOneMinute }));
    const error = (await request('POST', '/auth/login', z.unknown(), {}).catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(58);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('tells the app when the session is gone, so it can show the sign-in page', async () => {
    const lost = vi.fn();
    setSessionLostHandler(lost);
    fetchMock.mockResolvedValue(problem('session_expired', 401));
    await expect(request('GET', '/me', z.unknown())).rejects.toMatchObject({ code: 'session_expired' });
    expect(lost).toHaveBeenCalledOnce();
    fetchMock.mockResolvedValue(problem('invalid_credentials', 401));
    await expect(request('POST', '/auth/login', z.unknown(), {})).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(lost).toHaveBeenCalledOnce();
  });

  it('keeps the fields the problem names, so a form can show each at its field', async () => {
    const issues = [{ path: 'body.customerWord', code: 'code_word_too_short', message: 'code word too short' }];
    fetchMock.mockResolvedValue(problem('code_word_too_short', 400, {}, { issues }));
    await expect(request('PUT', '/code-words', z.unknown(), {})).rejects.toMatchObject({
      code: 'code_word_too_short',
      issues: [{ path: 'body.customerWord', code: 'code_word_too_short' }],
    });
  });

  it('reports a lost connection as its own failure', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(request('GET', '/me', z.unknown())).rejects.toMatchObject({ code: 'network', status: 0 });
  });
});
