import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/app-error.ts';
import { safeEqual } from '../../core/tokens.ts';
import { tokenScopeAllows, type Actor, type Identity, type RequestContext, type SessionActor } from '../../modules/identity/index.ts';

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
/** What a browser says of a request the page itself made (or the user typed). */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * Whether a browser says the request comes from another site: Sec-Fetch-Site where it is sent,
 * else Origin against the host asked. Neither (an older browser, a script) passes on to the
 * CSRF token, which is still required.
 */
function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return !OWN_FETCH_SITES.has(site);
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    // Both through URL, so that a default port written out on one side still matches.
    return new URL(origin).host !== new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return true; // "null" (a sandboxed frame, a redirect across sites) or garbage
  }
}

/**
 * Resolve the caller: a web session cookie, an app bearer token or an integration token.
 * Cookie-authenticated state changes must come from this site and carry the session's CSRF
 * token in `x-csrf-token` (bearer requests are no browser's ambient credential, so neither applies);
 * an integration token is held to its scope here, before any route runs.
 */
export function registerSession(app: FastifyInstance, identity: Identity, names: CookieNames): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('credential', null);
  app.addHook('preHandler', async (request) => {
    const bearer = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '')?.[1];
    const cookie = request.cookies[names.session];
    if (bearer && identity.integrationTokens.isIntegrationToken(bearer)) {
      request.credential = { kind: 'bearer', token: bearer };
      request.actor = (await identity.integrationTokens.authenticate(bearer)) ?? null;
      const grant = request.actor?.integrationToken;
      if (grant && !tokenScopeAllows(grant.scope, request.method)) throw new AppError('token_scope_insufficient');
    } else if (bearer) {
      request.credential = { kind: 'bearer', token: bearer };
      request.actor = (await identity.sessions.authenticate(bearer, 'app')) ?? null;
    } else if (cookie) {
      request.credential = { kind: 'cookie', token: cookie };
      request.actor = (await identity.sessions.authenticate(cookie, 'web')) ?? null;
      if (request.actor && UNSAFE.has(request.method)) {
        // Defence in depth: a token that leaked to another site still cannot be used from there.
        if (isCrossSite(request)) throw new AppError('csrf_failed');
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

/**
 * A person signed in through the sign-in flow. Managing the account itself (sessions, devices,
 * tokens, credentials, closing) is refused to integration tokens, whatever their scope.
 */
export function requireSession(request: FastifyRequest): SessionActor {
  const actor = requireActor(request);
  if (!actor.session) throw new AppError('forbidden');
  return actor as SessionActor;
}

/** A signed-in person who passed a step-up within the last minutes: every sensitive change (SPEC §3.9). */
export function requireSteppedUp(request: FastifyRequest, identity: Identity): SessionActor {
  const actor = requireSession(request);
  identity.sessions.requireStepUp(actor);
  return actor;
}

export function requestContext(request: FastifyRequest): RequestContext {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null };
}

export function clearSessionCookie(reply: FastifyReply, names: CookieNames, secure: boolean): void {
  reply.clearCookie(names.session, { path: '/', httpOnly: true, secure, sameSite: 'strict' });
}
