import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/app-error.ts';
import { safeEqual } from '../../core/tokens.ts';
import type { Actor, Identity, RequestContext } from '../../modules/identity/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The raw credential the actor was resolved from. */
    credential: { kind: 'cookie' | 'bearer'; token: string } | null;
  }
}

export interface CookieNames {
  session: string;
  device: string;
}

export function cookieNames(secure: boolean): CookieNames {
  // The __Host- prefix pins the cookie to this origin, path / and Secure (SPEC §3.8).
  return secure ? { session: '__Host-pv_session', device: '__Host-pv_device' } : { session: 'pv_session', device: 'pv_device' };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolve the caller: a web session cookie or an app bearer token. Cookie-authenticated
 * state changes must carry the session's CSRF token in `x-csrf-token`.
 */
export function registerSession(app: FastifyInstance, identity: Identity, names: CookieNames): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('credential', null);
  app.addHook('preHandler', async (request) => {
    const bearer = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '')?.[1];
    const cookie = request.cookies[names.session];
    if (bearer) {
      request.credential = { kind: 'bearer', token: bearer };
      request.actor = (await identity.sessions.authenticate(bearer, 'app')) ?? null;
    } else if (cookie) {
      request.credential = { kind: 'cookie', token: cookie };
      request.actor = (await identity.sessions.authenticate(cookie, 'web')) ?? null;
      if (request.actor && UNSAFE.has(request.method)) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !safeEqual(sent, identity.sessions.csrfTokenFor(cookie))) throw new AppError('csrf_failed');
      }
    }
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

export function requestContext(request: FastifyRequest): RequestContext {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null };
}

export function clearSessionCookie(reply: FastifyReply, names: CookieNames, secure: boolean): void {
  reply.clearCookie(names.session, { path: '/', httpOnly: true, secure, sameSite: 'strict' });
}
