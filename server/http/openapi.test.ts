import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { operationId } from './plugins/openapi.ts';
import type { Problem } from '../../contract/problem.ts';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
}
type Document = { servers?: { url: string }[]; components: { schemas: Record<string, unknown> }; paths: Record<string, Record<string, Operation>> };

/** What the mobile team writes: typed calls to sign in and read the account, from the generated types. */
const CLIENT_PROGRAM = `
import type { components, operations, paths } from './api';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type ProblemOf<R> = R extends { content: { 'application/problem+json': infer B } } ? B : never;
type Problem = components['schemas']['Problem'];
type LoginBody = paths['/api/v1/auth/login']['post']['requestBody']['content']['application/json'];
type LoginAnswer = Json<operations['postAuthLogin']['responses'][200]>;
type Me = Json<operations['getMe']['responses'][200]>;

// The one platform API the program needs, so the check does not load the DOM's types.
declare function fetch(url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ ok: boolean; json(): Promise<unknown> }>;
type RequestInit = Parameters<typeof fetch>[1];

const server = 'http://localhost:3000';

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(server + path, init);
  if (!response.ok) throw (await response.json()) as Problem;
  return (await response.json()) as T;
}

export async function signIn(email: string, password: string): Promise<string> {
  const body: LoginBody = { email, password, client: 'app' };
  const answer = await call<LoginAnswer>('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return answer.status === 'code_required' ? answer.flowId : (answer.accessToken ?? '');
}

export async function whoAmI(accessToken: string): Promise<string> {
  const me = await call<Me>('/api/v1/me', { headers: { authorization: 'Bearer ' + accessToken } });
  return me.name + ' <' + me.email + '> ' + me.language + ' ' + (me.phone ?? '-');
}

export function worthRetrying(problem: Problem, retryAfter: operations['postAuthLogin']['responses'][429]['headers']['retry-after']): boolean {
  return (problem.code === 'rate_limited' || problem.code === 'service_unavailable') && (retryAfter ?? 0) < 60;
}

export const locked: ProblemOf<operations['postAuthLogin']['responses'][423]>['code'] = 'account_locked';
// @ts-expect-error signing in needs a password
export const incomplete: LoginBody = { email: 'a@example.com' };
// @ts-expect-error the codes are a closed list
export const unknownCode: Problem['code'] = 'no_such_code';
// @ts-expect-error the account has no such field
export const nothing = (me: Me) => me.password;
`;

describe('the served OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  let operations: [string, string, Operation][];

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
    operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => [method, path, op] as [string, string, Operation]));
  });
  afterAll(() => t.close());

  it('passes a real OpenAPI validator, every $ref resolving', async () => {
    // The validator dereferences in place: it gets a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    // The shared problem schema is a component; the input twins the Zod registry also yields are not.
    expect(Object.keys(doc.components.schemas)).toContain('Problem');
    expect(Object.keys(doc.components.schemas).filter((name) => name.endsWith('Input'))).toEqual([]);
  });

  it('names the server and gives every operation a unique, stable operationId', () => {
    expect(doc.servers).toEqual([{ url: t.services.config.publicUrl }]);
    const ids = operations.map(([, , op]) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(operations.length);
    expect(operationId('POST', '/api/v1/me/sessions/revoke-others')).toBe('postMeSessionsRevokeOthers');
    expect(operationId('DELETE', '/api/v1/installations/:installationId/contacts/:contactId')).toBe('deleteInstallationsByInstallationIdContactsByContactId');
    expect(doc.paths['/api/v1/me']?.get?.operationId).toBe('getMe');
  });

  it('describes every answer in words, not as "Default Response"', () => {
    const described = operations.flatMap(([method, path, op]) => Object.entries(op.responses).map(([status, response]) => [`${method} ${path} ${status}`, response.description] as const));
    expect(described.filter(([, description]) => !description || description === 'Default Response')).toEqual([]);
    expect(doc.paths['/api/v1/me']?.get?.responses['200']?.description).toBe('OK');
  });

  it('documents every error as application/problem+json, with Retry-After on lockouts, rate limits and outages', () => {
    for (const [method, path, op] of operations) {
      const problems = Object.entries(op.responses).filter(([status]) => status === 'default' || Number(status) >= 400);
      expect(
        problems.map(([status]) => status),
        `${method} ${path}`,
      ).toEqual(expect.arrayContaining(['400', '429', '503', 'default']));
      for (const [status, response] of problems) {
        expect(Object.keys(response.content ?? {}), `${method} ${path} ${status}`).toEqual(['application/problem+json']);
        expect(response.headers?.['retry-after'] !== undefined, `${method} ${path} ${status}`).toBe(['423', '429', '503'].includes(status));
      }
    }
  });

  it('states the security of every operation: cookie (with the CSRF header on changes) or bearer, none for the public ones', () => {
    const signedIn = (method: string) => [method === 'get' ? { session: [] } : { session: [], csrf: [] }, { bearer: [] }];
    for (const [method, path, op] of operations) {
      expect(Array.isArray(op.security), `${method} ${path}`).toBe(true);
      if (op.security!.length > 0)
        expect(
          op.security!.filter((r) => Object.keys(r).length > 0),
          `${method} ${path}`,
        ).toEqual(signedIn(method));
    }
    expect(doc.paths['/api/v1/me']?.get?.security).toEqual(signedIn('get'));
    expect(doc.paths['/api/v1/me/password']?.post?.security).toEqual(signedIn('post'));
    expect(doc.paths['/api/v1/installations/{installationId}/contacts']?.post?.security).toEqual(signedIn('post'));
    expect(doc.paths['/api/v1/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/api/v1/public/settings']?.get?.security).toEqual([]);
    expect(doc.paths['/api/v1/auth/logout']?.post?.security).toEqual([{}, ...signedIn('post')]);
  });

  it('says "signed in" exactly where the API refuses a caller without credentials', async () => {
    const withoutBody = operations.filter(([, , op]) => !op.requestBody);
    expect(withoutBody.length).toBeGreaterThan(10);
    for (const [method, path, op] of withoutBody) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url });
      const refused = res.statusCode === 401 && res.json<Problem>().code === 'unauthenticated';
      const anonymousAllowed = op.security!.length === 0 || op.security!.some((r) => Object.keys(r).length === 0);
      expect(refused, `${method} ${path} answered ${res.statusCode}`).toBe(!anonymousAllowed);
    }
  });

  it('generates a TypeScript client that a typed program compiles against', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portvakt-openapi-'));
    try {
      await writeFile(join(dir, 'api.ts'), astToString(await openapiTS(structuredClone(doc) as never)));
      await writeFile(join(dir, 'client.ts'), CLIENT_PROGRAM);
      const program = ts.createProgram([join(dir, 'client.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts'],
        types: [],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
