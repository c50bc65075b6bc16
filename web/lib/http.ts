import { z } from 'zod';
import { isErrorCode, type ErrorCode } from '../../contract/errors.ts';
import { problemSchema, type FieldIssueCode } from '../../contract/problem.ts';
import { env } from './env.ts';

// Zod compiles validators with eval by default, which the portal's CSP (script-src 'self') forbids.
z.config({ jitless: true });

/** Every way a call can fail: the API's codes plus the two that happen before an answer is read. */
export type FailureCode = ErrorCode | 'network' | 'unexpected_response';

/** One field the server refused: where (`body.customerWord`) and why, as a code to translate. */
export interface FieldIssue {
  path: string;
  code: ErrorCode | FieldIssueCode;
}

export class ApiError extends Error {
  /** When the answer arrived, so a Retry-After becomes a fixed deadline. */
  readonly receivedAt = Date.now();

  constructor(
    readonly code: FailureCode,
    readonly status: number,
    readonly retryAfterSeconds?: number,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(code);
    this.name = 'ApiError';
  }

  /** Epoch milliseconds after which a retry may succeed, when the server said so. */
  get retryAt(): number | undefined {
    return this.retryAfterSeconds === undefined ? undefined : this.receivedAt + this.retryAfterSeconds * 1000;
  }
}

let csrfToken: string | undefined;
/** Whether this page has asked the server for its session's token since it loaded or last forgot it. */
let csrfTokenLookedUp = false;
let csrfLookup: Promise<void> | undefined;
let onSessionLost: () => void = () => {};
/** Asks the user to confirm who they are; resolves true when the server granted a step-up. */
let stepUp: (() => Promise<boolean>) | undefined;

/** The session's CSRF token arrives with the sign-in answer and with GET /me. */
export function rememberCsrfToken(token: string | undefined): void {
  if (token) csrfToken = token;
}

export function forgetCsrfToken(): void {
  csrfToken = undefined;
  csrfTokenLookedUp = false;
}

const csrfAnswer = z.object({ csrfToken: z.string().optional() });

/**
 * Asks GET /me for the session's token. A freshly loaded page may hold a session cookie but no
 * token yet, and its first change would be refused; signed out, the answer simply has none.
 * Concurrent callers share one look-up.
 */
function lookUpCsrfToken(): Promise<void> {
  csrfLookup ??= fetch(`${env.apiBase}/me`, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then(async (response) => {
      const answer = csrfAnswer.safeParse(response.ok ? await response.json() : {});
      if (answer.success) rememberCsrfToken(answer.data.csrfToken);
    })
    .catch(() => {})
    .finally(() => {
      csrfTokenLookedUp = true;
      csrfLookup = undefined;
    });
  return csrfLookup;
}

/** Called when a call answers that the session is gone, so the app can show the sign-in page. */
export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler;
}

/** Lets calls answered with `step_up_required` wait for the user's confirmation and try once more. */
export function setStepUpHandler(handler: () => Promise<boolean>): void {
  stepUp = handler;
}

/** Retry-After is delta-seconds or an HTTP date; the problem body repeats it as a number. */
function retryAfter(response: Response, body: { retryAfterSeconds?: number } | undefined): number | undefined {
  const header = response.headers.get('retry-after');
  if (header) {
    const seconds = /^\d+$/.test(header.trim()) ? Number(header) : Math.ceil((Date.parse(header) - Date.now()) / 1000);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
  }
  return body?.retryAfterSeconds;
}

async function toApiError(response: Response): Promise<ApiError> {
  const problem = problemSchema.safeParse(await response.json().catch(() => undefined));
  const code = problem.success && isErrorCode(problem.data.code) ? problem.data.code : 'unexpected_response';
  if (code === 'unauthenticated' || code === 'session_expired') onSessionLost();
  const body = problem.success ? problem.data : undefined;
  const issues = (body?.issues ?? []).map(({ path, code }) => ({ path, code: code as FieldIssue['code'] }));
  return new ApiError(code, response.status, retryAfter(response, body), issues);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API call: sends JSON (and the CSRF token on changes), parses the answer with its contract
 * schema. When the server wants a step-up first, the user is asked and the call made once more.
 */
export async function request<T>(method: Method, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  try {
    return await sendWithCsrf(method, path, schema, body);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'step_up_required' && stepUp && (await stepUp())) {
      return sendWithCsrf(method, path, schema, body);
    }
    throw error;
  }
}

/**
 * Makes sure a change carries the session's token: looked up before the page's first change, and
 * once more when the server refuses the one held (another tab signed in or out meanwhile).
 */
async function sendWithCsrf<T>(method: Method, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  if (method === 'GET') return send(method, path, schema, body);
  if (!csrfToken && !csrfTokenLookedUp) await lookUpCsrfToken();
  try {
    return await send(method, path, schema, body);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'csrf_failed')) throw error;
    csrfToken = undefined;
    await lookUpCsrfToken();
    return send(method, path, schema, body);
  }
}

async function send<T>(method: Method, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${env.apiBase}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('network', 0);
  }
  if (!response.ok) throw await toApiError(response);
  const data: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError('unexpected_response', response.status);
  return parsed.data;
}
