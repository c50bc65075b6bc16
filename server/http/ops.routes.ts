import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Registry } from 'prom-client';
import type { Db } from '../db/database.ts';

/** Liveness, readiness and Prometheus metrics for operators and load balancers. */
export function opsRoutes(app: FastifyInstance, options: { db: Db; registry: Registry; isShuttingDown: () => boolean }): void {
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    if (options.isShuttingDown()) return reply.code(503).send({ status: 'shutting_down' });
    try {
      await options.db.execute(sql`SELECT 1`);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database_unavailable' });
    }
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(options.registry.contentType);
    return options.registry.metrics();
  });
}
