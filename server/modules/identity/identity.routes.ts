import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  loginRequest,
  loginResponse,
  loginStatusRequest,
  loginStatusResponse,
  passkeyOptionsRequest,
  passkeyVerifyRequest,
  refreshRequest,
  webauthnOptions,
  resendRequest,
  resendResponse,
  signedIn,
  verifyRequest,
  appTokens,
} from '../../../contract/auth.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { clearSessionCookie, requestContext, type CookieNames } from '../../http/plugins/session.ts';
import { accountRoutes } from './account.routes.ts';
import { integrationTokenRoutes } from './integration-tokens.routes.ts';
import { recoveryRoutes } from './recovery.routes.ts';
import { stepUpRoutes } from './step-up.routes.ts';
import { twoFactorRoutes } from './two-factor.routes.ts';
import type { Identity } from './index.ts';
import type { SignedIn } from './login.service.ts';

export interface IdentityRouteOptions {
  identity: Identity;
  cookies: CookieNames;
  cookieSecure: boolean;
  trustedDeviceSeconds: number;
}

const SIGN_OUT_CLEARS = '"cache", "storage"';

/** Sign-in API of SPEC §11, and the account's own API beside it. */
export function identityRoutes(app: FastifyInstance, options: IdentityRouteOptions): void {
  const { identity, cookies, cookieSecure } = options;
  const r = typed(app);
  const cookieBase = { path: '/', httpOnly: true, secure: cookieSecure, sameSite: 'strict' as const };

  /**
   * Turn a completed sign-in into the web cookies or the app's token pair. The web's
   * trusted-device token lives only in its HttpOnly cookie, out of reach of any script.
   */
  function deliverSession(reply: FastifyReply, result: SignedIn): z.infer<typeof signedIn> {
    const { session, deviceToken } = result;
    if (!session.refreshToken) {
      if (deviceToken) reply.setCookie(cookies.device, deviceToken, { ...cookieBase, maxAge: options.trustedDeviceSeconds });
      reply.setCookie(cookies.session, session.token, cookieBase);
      return { status: 'signed_in', csrfToken: identity.sessions.csrfTokenFor(session.token) };
    }
    return {
      status: 'signed_in',
      accessToken: session.token,
      refreshToken: session.refreshToken,
      expiresIn: session.expiresInSeconds,
      tokenType: 'Bearer',
      deviceToken,
    };
  }

  r.post(
    '/auth/login',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Step 1: e-mail and password',
        body: loginRequest,
        response: { 200: loginResponse, ...problems('invalid_credentials', 'account_locked', 'rate_limited') },
      },
    },
    async (request, reply) => {
      const deviceToken = request.body.deviceToken ?? request.cookies[cookies.device];
      const result = await identity.login.login({ ...request.body, deviceToken }, requestContext(request));
      return result.status === 'signed_in' ? deliverSession(reply, result) : result;
    },
  );

  r.post(
    '/auth/login/resend',
    {
      schema: {
        tags: ['sign-in'],
        summary: '"I didn\'t get a code": send a new code, by e-mail by default',
        body: resendRequest,
        response: { 200: resendResponse, ...problems('flow_expired', 'resend_too_soon', 'resend_limit_reached', 'rate_limited') },
      },
    },
    async (request) => identity.login.resend(request.body, requestContext(request)),
  );

  r.post(
    '/auth/login/status',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Where the code went: the client polls this while the user waits, and learns when a failed SMS was replaced by e-mail',
        body: loginStatusRequest,
        response: { 200: loginStatusResponse, ...problems('flow_expired') },
      },
    },
    async (request) => identity.login.status(request.body.flowId),
  );

  r.post(
    '/auth/login/verify',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Step 2: the one-time code',
        body: verifyRequest,
        response: { 200: signedIn, ...problems('invalid_code', 'account_locked', 'flow_expired', 'rate_limited') },
      },
    },
    async (request, reply) => deliverSession(reply, await identity.login.verify(request.body, requestContext(request))),
  );

  r.post(
    '/auth/login/passkey/options',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Step 2 with a passkey: the WebAuthn challenge for this sign-in',
        body: passkeyOptionsRequest,
        response: { 200: webauthnOptions, ...problems('flow_expired', 'channel_unavailable', 'rate_limited') },
      },
    },
    async (request) => identity.login.passkeyOptions(request.body.flowId, requestContext(request)),
  );

  r.post(
    '/auth/login/passkey',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Step 2 with a passkey: the signed challenge',
        body: passkeyVerifyRequest,
        response: { 200: signedIn, ...problems('invalid_code', 'account_locked', 'flow_expired', 'rate_limited') },
      },
    },
    async (request, reply) => deliverSession(reply, await identity.login.verifyPasskey(request.body, requestContext(request))),
  );

  r.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'App: exchange a refresh token for a new token pair (each refresh token works once)',
        body: refreshRequest,
        response: { 200: appTokens, ...problems('invalid_refresh_token') },
      },
    },
    async (request) => {
      const session = await identity.sessions.refresh(request.body.refreshToken, requestContext(request));
      return { accessToken: session.token, refreshToken: session.refreshToken!, expiresIn: session.expiresInSeconds, tokenType: 'Bearer' as const };
    },
  );

  r.post(
    '/auth/logout',
    {
      config: { caller: 'optional' },
      schema: { tags: ['sign-in'], summary: 'Sign out this session', response: { 204: z.null(), ...problems('csrf_failed') } },
    },
    async (request, reply) => {
      const session = request.actor?.session;
      if (session) await identity.sessions.signOut(session, requestContext(request));
      clearSessionCookie(reply, cookies, cookieSecure);
      // The browser drops what the pages cached and stored. Not "cookies": that would also
      // forget the trusted device, which SPEC §3.6 keeps for 30 days across sign-outs.
      reply.header('clear-site-data', SIGN_OUT_CLEARS);
      return reply.code(204).send(null);
    },
  );

  stepUpRoutes(app, identity);
  recoveryRoutes(app, identity);
  accountRoutes(app, identity);
  integrationTokenRoutes(app, identity);
  twoFactorRoutes(app, identity);
}
