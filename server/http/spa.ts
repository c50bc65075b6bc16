import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { projectRoot } from '../project-root.ts';

export const webDistDir = join(projectRoot, 'web', 'dist', '/');

/** Whether `npm run build:web` (or `npm run build`) has written the portal. */
export function isSpaBuilt(root = webDistDir): boolean {
  return existsSync(join(root, 'index.html'));
}

/** Vite puts every bundled file here, its name carrying a hash of its content. */
const hashedAssetsDir = 'assets';

export const cachePolicy = {
  /** A hashed file never changes under its name: browsers and CDNs keep it for a year. */
  hashed: 'public, max-age=31536000, immutable',
  /** index.html and the unhashed public files: revalidate each time, so a deploy shows at once. */
  other: 'no-cache',
};

export interface SpaOptions {
  isProduction: boolean;
  /** The built portal; web/dist unless a test brings its own. */
  root?: string;
}

/**
 * Serve the built SPA (docs/decisions/0044-first-load.md): the brotli or gzip twin the build
 * wrote beside each file when the browser accepts it, hashed assets cached for good, everything
 * else revalidated, no source maps in production. Unknown non-API paths get index.html so
 * client-side routes load; unknown hashed assets are 404s.
 */
export async function serveSpa(app: FastifyInstance, options: SpaOptions): Promise<boolean> {
  const root = options.root ?? webDistDir;
  if (!isSpaBuilt(root)) return false;
  const assetsPrefix = join(root, hashedAssetsDir) + '/';
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // The compressed twins are chosen by Accept-Encoding, never asked for by name; source maps
    // stay beside the build for reading stack traces, but production does not hand them out.
    globIgnore: ['**/*.br', '**/*.gz', ...(options.isProduction ? ['**/*.map'] : [])],
    cacheControl: false,
    setHeaders: (reply, path) => void reply.header('cache-control', path.startsWith(assetsPrefix) ? cachePolicy.hashed : cachePolicy.other),
  });
  // A hashed name that is not in this build (a tab still open from the previous one) must fail
  // as a 404, not load index.html as a script.
  app.get(`/${hashedAssetsDir}/*`, { schema: { hide: true } }, (_request, reply) => reply.callNotFound());
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html').sendFile('index.html');
  });
  return true;
}
