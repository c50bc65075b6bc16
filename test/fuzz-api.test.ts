import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../contract/errors.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import type { Problem } from '../contract/problem.ts';

/**
 * SPEC §10 / ASVS: every bad input gets a 4xx problem document with a stable code, never a 500.
 * Each documented endpoint receives 1,000 random requests: arbitrary JSON, right field names
 * with wrong types, malformed bodies, odd content types, junk credentials and parameters.
 */
const RUNS = 1000;

const junkString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', "' OR 1=1 --", '<script>', 'x'.repeat(5000)),
);
const fieldNames = ['email', 'password', 'client', 'deviceToken', 'flowId', 'code', 'channel', 'trustDevice', 'deviceLabel', 'refreshToken', 'to', 'limit', 'name', 'language', 'phone'];
const fieldValue = fc.oneof(junkString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const shapedBody = fc.dictionary(fc.constantFrom(...fieldNames), fieldValue, { maxKeys: 6 });

const request = fc.record({
  body: fc.oneof(
    fc.jsonValue().map((v) => ({ raw: JSON.stringify(v) ?? 'null', type: 'application/json' })),
    shapedBody.map((v) => ({ raw: JSON.stringify(v), type: 'application/json' })),
    junkString.map((s) => ({ raw: s, type: 'application/json' })),
    junkString.map((s) => ({ raw: s, type: fc.sample(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml'), 1)[0]! })),
  ),
  query: fc.dictionary(fc.constantFrom(...fieldNames, 'x'), junkString, { maxKeys: 3 }),
  param: junkString,
  authorization: fc.option(
    fc.oneof(
      junkString,
      junkString.map((s) => `Bearer ${s}`),
    ),
    { nil: undefined },
  ),
  cookie: fc.option(junkString, { nil: undefined }),
  csrf: fc.option(junkString, { nil: undefined }),
});

describe('random bad input to every endpoint', () => {
  let t: TestApp;
  let endpoints: Array<{ method: string; path: string }>;
  beforeAll(async () => {
    t = await createTestApp();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    endpoints = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
  });
  afterAll(() => t.close());

  it('finds the endpoints in the OpenAPI document', () => {
    expect(endpoints.map((e) => `${e.method} ${e.path}`)).toContain('POST /api/v1/auth/login');
  });

  it(`answers ${RUNS} random requests per endpoint with a 4xx problem document or a valid answer`, async () => {
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(request, async (input) => {
          const url = endpoint.path.replace(/\{[^}]+\}/g, encodeURIComponent(input.param) || 'x');
          const query = new URLSearchParams(input.query).toString();
          const headers: Record<string, string> = {};
          // eslint-disable-next-line no-control-regex -- the NUL byte is the character being stripped
          if (input.authorization) headers.authorization = input.authorization.replace(/[\r\n\u0000]/g, '');
          if (input.cookie) headers.cookie = `__Host-pv_session=${encodeURIComponent(input.cookie)}`;
          if (input.csrf) headers['x-csrf-token'] = encodeURIComponent(input.csrf);
          const hasBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE';
          if (hasBody) headers['content-type'] = input.body.type;
          const res = await t.app.inject({ method: endpoint.method as 'GET', url: query ? `${url}?${query}` : url, headers, payload: hasBody ? input.body.raw : undefined });
          expect(res.statusCode, `${endpoint.method} ${endpoint.path}: ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
            const problem = res.json<Problem>();
            expect(errorCodes).toContain(problem.code);
            expect(problem.status).toBe(res.statusCode);
          }
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);
});
