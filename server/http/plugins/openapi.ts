import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { errorStatus, type ErrorCode } from '../../../contract/errors.ts';
import { declaredProblemCodes } from '../route-kit.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call the route, for the OpenAPI document. Left out, a route that can answer
     * `unauthenticated` needs a caller and any other is public; `optional` is a route that
     * acts on the caller's session when there is one (sign-out).
     */
    caller?: 'optional';
  }
}

export interface OpenApiOptions {
  /** Where the API is reached: the document's only server. */
  publicUrl: string;
  sessionCookie: string;
}

const SCHEMES = { session: 'session', csrf: 'csrf', bearer: 'bearer' } as const;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Statuses whose answer may carry Retry-After (lockouts, rate limits, a gone database). */
const RETRY_AFTER_STATUSES = new Set([423, 429, 503]);
const PROBLEM_REF = '#/components/schemas/Problem';

/** The live OpenAPI 3.1 document at `/api/docs/json`, its viewer at `/api/docs`. */
export async function registerOpenApi(app: FastifyInstance, options: OpenApiOptions): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Portvakt API',
        version: '1',
        description: 'Mina sidor and the mobile app. Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`.',
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          [SCHEMES.session]: { type: 'apiKey', in: 'cookie', name: options.sessionCookie, description: 'Web session (Mina sidor), set by the sign-in.' },
          [SCHEMES.csrf]: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: 'With the session cookie on every state change: the `csrfToken` of the sign-in or of GET /me.',
          },
          [SCHEMES.bearer]: { type: 'http', scheme: 'bearer', description: 'App access token from the sign-in or /auth/refresh, or an integration token.' },
        },
      },
    },
    transform: (data) => documentOperation(data.route, jsonSchemaTransform(data)),
    transformObject: (data) => withoutUnusedSchemas(jsonSchemaTransformObject(data)),
  });
  // No validator badge: it would fetch an image from a third party, which the docs' CSP refuses.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });
}

type Transformed = ReturnType<typeof jsonSchemaTransform>;
type Document = ReturnType<typeof jsonSchemaTransformObject>;
type OperationSchema = Omit<FastifySchema, 'response'> & { response?: Record<string, unknown> };
type SecurityRequirement = Record<string, string[]>;

/**
 * Add what every client generator needs and the routes do not spell out: an operationId, the
 * security the session plugin applies, and the problem answers the app sends for any route.
 */
function documentOperation(route: RouteOptions, transformed: Transformed): Transformed {
  const schema = transformed.schema as OperationSchema | undefined;
  if (!schema || schema.hide) return transformed;
  const method = [route.method].flat()[0]!.toUpperCase();
  const declared = declaredCodesByStatus(route);
  const caller = route.config?.caller ?? ([...declared.values()].some((codes) => codes.includes('unauthenticated')) ? 'required' : 'none');
  const codes = [...[...declared.values()].flat(), ...commonProblems(method, schema.body !== undefined)];
  return {
    ...transformed,
    schema: {
      ...schema,
      operationId: schema.operationId ?? operationId(method, transformed.url),
      security: schema.security ?? security(caller, method),
      response: { ...successResponses(schema.response), ...problemResponses(codes) },
    },
  };
}

/** `GET /api/v1/installations/:installationId/members` → `getInstallationsByInstallationIdMembers`. */
export function operationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v\d+/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => (segment.startsWith(':') ? ['by', ...segment.slice(1).split(/[-_]/)] : segment.split(/[-_]/)));
  return [method.toLowerCase(), ...words.map((word) => word.charAt(0).toUpperCase() + word.slice(1))].join('');
}

/** Cookie sessions send the CSRF token with every state change; the app and integrations a bearer token. */
function security(caller: 'required' | 'optional' | 'none', method: string): SecurityRequirement[] {
  if (caller === 'none') return [];
  const cookie: SecurityRequirement = UNSAFE_METHODS.has(method) ? { [SCHEMES.session]: [], [SCHEMES.csrf]: [] } : { [SCHEMES.session]: [] };
  const signedIn: SecurityRequirement[] = [cookie, { [SCHEMES.bearer]: [] }];
  return caller === 'optional' ? [{}, ...signedIn] : signedIn;
}

/**
 * Answers the app itself may give on any route, whatever it declares: a malformed or invalid
 * request, a cookie session's missing CSRF token or an integration token's scope or quota
 * (the session plugin checks every request), a body too large or of the wrong type, and the
 * database being gone.
 */
function commonProblems(method: string, hasBody: boolean): ErrorCode[] {
  return [
    'validation_failed',
    'malformed_request',
    'rate_limited',
    'service_unavailable',
    ...(UNSAFE_METHODS.has(method) ? (['csrf_failed', 'token_scope_insufficient'] as const) : []),
    ...(hasBody ? (['payload_too_large', 'unsupported_media_type'] as const) : []),
  ];
}

function declaredCodesByStatus(route: RouteOptions): Map<number, readonly ErrorCode[]> {
  const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
  return new Map(Object.entries(responses).map(([status, schema]) => [Number(status), declaredProblemCodes(schema)]));
}

/** What a generated client shows for an answer instead of Swagger's "Default Response". */
const SUCCESS_DESCRIPTIONS: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'Done, no content' };

function successResponses(response: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(response)
      .filter(([status]) => Number(status) < 400)
      .map(([status, schema]) => [
        status,
        schema && typeof schema === 'object' && !('description' in schema) ? { ...schema, description: SUCCESS_DESCRIPTIONS[status] ?? 'Success' } : schema,
      ]),
  );
}

/** One problem+json answer per status, its `code` narrowed to the codes that status carries. */
function problemResponses(codes: ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of codes) {
    const status = errorStatus[code];
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const responses: Record<string, unknown> = {};
  for (const [status, set] of [...byStatus].sort(([a], [b]) => a - b)) {
    const list = [...set];
    responses[status] = {
      description: `Problem details; code is one of: ${list.join(', ')}`,
      ...(RETRY_AFTER_STATUSES.has(status)
        ? { headers: { 'retry-after': { type: 'integer', minimum: 0, description: 'Seconds to wait before trying again, when the wait is known' } } }
        : {}),
      content: {
        'application/problem+json': {
          schema: { allOf: [{ $ref: PROBLEM_REF }, { type: 'object', properties: { code: { type: 'string', enum: list } }, required: ['code'] }] },
        },
      },
    };
  }
  responses.default = {
    description: 'Problem details for any other failure',
    content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
  };
  return responses;
}

/**
 * Only the component schemas some operation refers to: the Zod registry also yields an input
 * twin of every named schema, which generated clients would carry as dead types.
 */
function withoutUnusedSchemas(document: Document): Document {
  const schemas: Record<string, unknown> = ('components' in document && document.components?.schemas) || {};
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    for (const [, name] of JSON.stringify(value ?? null).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (name && !used.has(name)) {
        used.add(name);
        visit(schemas[name]);
      }
    }
  };
  visit(document.paths);
  const components = 'components' in document ? document.components : undefined;
  return { ...document, components: { ...components, schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name))) } } as Document;
}
