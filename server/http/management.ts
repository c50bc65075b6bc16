import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { metricsRoute } from './ops.routes.ts';

/**
 * The management listener (METRICS_PORT): metrics only, on an address the operator keeps off
 * the internet, so the public listener never shows credential-check outcomes.
 */
export async function buildManagementApp(options: { registry: Registry; logger: Logger }): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: options.logger as FastifyBaseLogger });
  metricsRoute(app, options.registry);
  await app.ready();
  return app;
}
