import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorStatus, type ErrorCode } from '../../../contract/errors.ts';
import type { FieldIssueCode } from '../../../contract/problem.ts';
import { AppError } from '../../core/app-error.ts';
import { isDatabaseUnavailable, type DatabaseAvailability } from '../../db/availability.ts';

/** What a client is told to wait when the database is gone or slow: about one probe and a retry. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Send an RFC 9457 problem document with a stable code and no internals. Its request id (also
 * in the header, also for errors raised before any hook ran) ties a complaint to the log.
 */
export function sendProblem(reply: FastifyReply, code: ErrorCode, extra: Record<string, unknown> = {}): FastifyReply {
  const status = errorStatus[code];
  const requestId = reply.request.id;
  return reply
    .code(status)
    .header('x-request-id', requestId)
    .type('application/problem+json')
    .send({ type: `urn:portvakt:problem:${code}`, title: code.replace(/_/g, ' '), status, code, ...extra, requestId });
}

/** Fastify's own errors (parser, limits, routing) translated to the closed list of codes. */
function frameworkCode(error: FastifyError): ErrorCode {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'malformed_request';
  return 'internal';
}

type SchemaIssue = { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> };

/** A schema refusal as the stable word a client translates; an empty required text counts as missing. */
function fieldIssueCode({ keyword, params = {} }: SchemaIssue): FieldIssueCode {
  const list = params.origin === 'array' || params.origin === 'set';
  if (keyword === 'too_small') return list ? 'too_few_items' : params.minimum === 1 ? 'required' : 'too_short';
  if (keyword === 'too_big') return list ? 'too_many_items' : 'too_long';
  return 'invalid';
}

/** A domain refusal about one field names it as the schema's refusals do: `body.<field>`. */
function ruleIssues(code: ErrorCode, field: string | undefined) {
  return field === undefined ? {} : { issues: [{ path: `body.${field}`, code, message: code.replace(/_/g, ' ') }] };
}

/**
 * Errors Fastify raises before any route or hook runs (a path parameter too long, a bad URL):
 * passed as the `frameworkErrors` option so they are problem documents too.
 */
export function sendFrameworkProblem(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(reply, frameworkCode(error));
}

/**
 * Problem documents for every error. A gone database answers 503 with Retry-After: at once
 * while it is known to be gone (no request waits for its own timeout), and logged once, not
 * once per request.
 */
export function registerProblemHandlers(app: FastifyInstance, database: DatabaseAvailability): void {
  const unavailable = (reply: FastifyReply) =>
    sendProblem(reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS)), 'service_unavailable', { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
  app.addHook('onRequest', async (request, reply) => {
    if (!database.available && request.url.startsWith('/api/v1/')) return unavailable(reply);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      database.report(error);
      return unavailable(reply);
    }
    if (error instanceof AppError) {
      const { retryAfterSeconds, extra, field } = error.details;
      if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
      return sendProblem(reply, error.code, { ...extra, ...ruleIssues(error.code, field), ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`.replace(/\.$/, ''),
        code: fieldIssueCode(v),
        message: v.message ?? 'invalid',
      }));
      return sendProblem(reply, 'validation_failed', { issues });
    }
    const code = frameworkCode(error);
    if (code === 'internal') request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, code);
  });
  app.setNotFoundHandler((_request, reply) => sendProblem(reply, 'not_found'));
}
