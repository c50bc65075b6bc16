import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorStatus, type ErrorCode } from '../../contract/errors.ts';
import { problemSchema } from '../../contract/problem.ts';

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

const problemCodes = new WeakMap<object, readonly ErrorCode[]>();

/**
 * Response schemas for the error codes a route may answer with, grouped by status. The
 * OpenAPI document lists them, with the answers every route may give (validation, rate
 * limits, a gone database) added in plugins/openapi.ts.
 */
export function problems(...codes: ErrorCode[]): Record<number, z.ZodType> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = errorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => {
      const schema = problemSchema.describe(`Problem details; code is one of: ${list.join(', ')}`);
      problemCodes.set(schema, list);
      return [status, schema];
    }),
  );
}

/** The codes `problems()` declared for one response schema; none for any other schema. */
export function declaredProblemCodes(schema: unknown): readonly ErrorCode[] {
  return (typeof schema === 'object' && schema !== null && problemCodes.get(schema)) || [];
}
