import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const webDistDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Serve the built SPA; unknown non-API paths get index.html so client-side routes load. */
export async function serveSpa(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(`${webDistDir}index.html`)) return false;
  await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html').sendFile('index.html');
  });
  return true;
}
