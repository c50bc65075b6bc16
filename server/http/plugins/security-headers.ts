import type { FastifyInstance } from 'fastify';

/** The API's answers are data: nothing in them may load or run. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
/**
 * The Swagger UI at /api/docs loads its own scripts and styles and reads the document, nothing
 * else. Its bundle injects one fixed <style> element, allowed by its hash; an upgrade that
 * changes it fails the docs journey (e2e/api-docs) rather than the page silently.
 */
const SWAGGER_UI_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";
const DOCS_CSP = `default-src 'none'; script-src 'self'; style-src 'self' ${SWAGGER_UI_STYLE}; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
const SPA_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Headers every answer carries; the SPA and the API docs need nothing inline, so the CSP can be strict. */
export function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (options.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
      reply.header('content-security-policy', request.url.startsWith('/api/docs') ? DOCS_CSP : API_CSP);
    } else {
      reply.header('content-security-policy', SPA_CSP);
    }
  });
}
