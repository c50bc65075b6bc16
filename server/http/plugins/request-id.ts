import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ProxyTrust } from '../trusted-proxy.ts';

/** What a proxy's id may look like: a UUID, a hex trace id or similar; nothing that could forge a log line. */
const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request id: the one a trusted proxy sent in X-Request-Id, so its log and ours line up,
 * else a new UUID. A client's own header is never believed.
 */
export function requestIdGenerator(trust: ProxyTrust): (raw: IncomingMessage) => string {
  return (raw) => {
    const incoming = raw.headers['x-request-id'];
    const peer = raw.socket?.remoteAddress;
    if (typeof incoming === 'string' && INCOMING_ID.test(incoming) && peer !== undefined && trust(peer, 0)) return incoming;
    return crypto.randomUUID();
  };
}

/** Every answer names its request, so a customer's complaint can be tied to the log. */
export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
}
