import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorStatus, type ErrorCode } from '../../contract/errors.ts';
import { problemSchema } from '../../contract/problem.ts';


export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/**
 * Response schemas for the error codes a route may answer with, grouped by status, so the
 * OpenAPI document lists every code (the hidden ones — validation, rate limits — included).
 */
export function problems(...codes: ErrorCode[]): Record<number, z.ZodType> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of ['validation_failed', 'malformed_request', ...codes] as ErrorCode[]) {
    const status = errorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [status, problemSchema.describe(`Problem details; code is one of: ${[...new Set(list)].join(', ')}`)]),
  );
}
