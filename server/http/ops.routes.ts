import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Registry } from 'prom-client';
import { withinMs, type DatabaseAvailability } from '../db/availability.ts';
import type { Db } from '../db/database.ts';

/** A load balancer must hear "not ready" quickly, also from a database that does not answer at all. */
const READY_WITHIN_MS = 1500;

/**
 * Liveness and readiness for load balancers, public. Metrics (credential-check outcomes live)
 * only where the configuration puts them: beside the API in development, else on the
 * management listener.
 */
export function opsRoutes(app: FastifyInstance, options: { db: Db; availability: DatabaseAvailability; registry: Registry; metrics: boolean; isShuttingDown: () => boolean }): void {
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    if (options.isShuttingDown()) return reply.code(503).send({ status: 'shutting_down' });
    try {
      if (!options.availability.available) throw new Error('database gone');
      await withinMs(READY_WITHIN_MS, options.db.execute(sql`SELECT 1`));
      return { status: 'ready' };
    } catch (error) {
      options.availability.report(error);
      return reply.code(503).send({ status: 'database_unavailable' });
    }
  });

  if (options.metrics) metricsRoute(app, options.registry);
}

/** Prometheus metrics of this process. */
export function metricsRoute(app: FastifyInstance, registry: Registry): void {
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
