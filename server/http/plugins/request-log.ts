import type { FastifyInstance } from 'fastify';

/**
 * One log line per request, written when it is answered (Fastify's own logging writes two).
 * The path only: query strings can carry addresses (the dev inbox's `?to=`).
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      `${request.method} ${request.url.split('?')[0]} ${reply.statusCode}`,
    );
  });
}
