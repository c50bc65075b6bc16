import type { FastifyInstance } from 'fastify';
import { codeRequest, passkeyStepUpRequest, stepUpCodeSendRequest, stepUpCodeSent, stepUpGranted, stepUpPasswordRequest } from '../../../contract/account.ts';
import { webauthnOptions } from '../../../contract/auth.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { requestContext, requireSession } from '../../http/plugins/session.ts';
import type { Identity } from './index.ts';

/** Step-up (SPEC §3.9): a fresh password or code before sensitive changes, valid for a few minutes. */
export function stepUpRoutes(app: FastifyInstance, identity: Identity): void {
  const r = typed(app);
  const tags = ['step-up'];
  const failed = ['unauthenticated', 'forbidden', 'account_locked'] as const;

  r.post(
    '/auth/step-up/password',
    { schema: { tags, summary: 'Step up with the password', body: stepUpPasswordRequest, response: { 200: stepUpGranted, ...problems(...failed, 'wrong_password') } } },
    async (request) => identity.stepUp.withPassword(requireSession(request), request.body.password, requestContext(request)),
  );

  r.post(
    '/auth/step-up/code',
    {
      schema: {
        tags,
        summary: 'Send a step-up code by SMS (e-mail when SMS is not possible, or when asked for)',
        body: stepUpCodeSendRequest,
        response: { 200: stepUpCodeSent, ...problems('unauthenticated', 'forbidden', 'resend_too_soon', 'resend_limit_reached') },
      },
    },
    async (request) => identity.stepUp.sendCode(requireSession(request), request.body.channel),
  );

  r.post(
    '/auth/step-up/code/verify',
    { schema: { tags, summary: 'Step up with the sent code', body: codeRequest, response: { 200: stepUpGranted, ...problems(...failed, 'invalid_code') } } },
    async (request) => identity.stepUp.withCode(requireSession(request), request.body.code, requestContext(request)),
  );

  r.post(
    '/auth/step-up/totp',
    { schema: { tags, summary: 'Step up with an authenticator-app code', body: codeRequest, response: { 200: stepUpGranted, ...problems(...failed, 'invalid_code') } } },
    async (request) => identity.stepUp.withAuthenticatorApp(requireSession(request), request.body.code, requestContext(request)),
  );

  r.post(
    '/auth/step-up/passkey/options',
    {
      schema: {
        tags,
        summary: 'The WebAuthn challenge for a step-up with a passkey',
        response: { 200: webauthnOptions, ...problems('unauthenticated', 'forbidden', 'channel_unavailable') },
      },
    },
    async (request) => identity.stepUp.passkeyOptions(requireSession(request)),
  );

  r.post(
    '/auth/step-up/passkey',
    { schema: { tags, summary: 'Step up with a passkey', body: passkeyStepUpRequest, response: { 200: stepUpGranted, ...problems(...failed, 'invalid_code') } } },
    async (request) => identity.stepUp.withPasskey(requireSession(request), request.body.response, requestContext(request)),
  );
}
