import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { codeRequest, idParams, registerPasskeyRequest, startTotpRequest, totpEnrolment, twoFactorOverview, updateTwoFactorRequest } from '../../../contract/account.ts';
import { webauthnOptions } from '../../../contract/auth.ts';
import type { ErrorCode } from '../../../contract/errors.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { requestContext, requireSession, requireSteppedUp } from '../../http/plugins/session.ts';
import type { Identity } from './index.ts';

const sensitive: ErrorCode[] = ['unauthenticated', 'forbidden', 'csrf_failed', 'step_up_required'];

/** Two-step verification settings (SPEC §3.4, §3.15): authenticator apps and passkeys; every change needs a step-up. */
export function twoFactorRoutes(app: FastifyInstance, identity: Identity): void {
  const r = typed(app);
  const tags = ['two-step verification'];

  r.get(
    '/me/two-factor',
    { schema: { tags, summary: 'Second factors of the account and which one a sign-in asks for first', response: { 200: twoFactorOverview, ...problems('unauthenticated', 'forbidden') } } },
    async (request) => identity.twoFactor.overview(requireSession(request)),
  );

  r.patch(
    '/me/two-factor',
    {
      schema: {
        tags,
        summary: 'Choose the first second factor, or switch 2FA off where the operator allows it',
        body: updateTwoFactorRequest,
        response: { 204: z.null(), ...problems(...sensitive, 'two_factor_required', 'conflict') },
      },
    },
    async (request, reply) => {
      await identity.twoFactor.update(requireSteppedUp(request, identity), request.body, requestContext(request));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/me/two-factor/totp',
    {
      schema: {
        tags,
        summary: 'Start adding an authenticator app: the secret and QR URI, shown once',
        body: startTotpRequest,
        response: { 201: totpEnrolment, ...problems(...sensitive) },
      },
    },
    async (request, reply) => reply.code(201).send(await identity.twoFactor.startTotp(requireSteppedUp(request, identity), request.body.label)),
  );

  r.post(
    '/me/two-factor/totp/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the app with a code from it; sign-ins then ask for the app first',
        params: idParams,
        body: codeRequest,
        response: { 204: z.null(), ...problems(...sensitive, 'invalid_code', 'not_found') },
      },
    },
    async (request, reply) => {
      await identity.twoFactor.confirmTotp(requireSteppedUp(request, identity), request.params.id, request.body.code, requestContext(request));
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/me/two-factor/totp/:id',
    { schema: { tags, summary: 'Remove an authenticator app', params: idParams, response: { 204: z.null(), ...problems(...sensitive, 'not_found') } } },
    async (request, reply) => {
      await identity.twoFactor.removeTotp(requireSteppedUp(request, identity), request.params.id, requestContext(request));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/me/two-factor/passkeys/options',
    { schema: { tags, summary: 'Start adding a passkey: WebAuthn creation options', response: { 200: webauthnOptions, ...problems(...sensitive) } } },
    async (request) => identity.passkeys.registrationOptions(requireSteppedUp(request, identity)),
  );

  r.post(
    '/me/two-factor/passkeys',
    {
      schema: {
        tags,
        summary: 'Add the passkey the authenticator created; sign-ins then ask for it first',
        body: registerPasskeyRequest,
        response: { 204: z.null(), ...problems(...sensitive, 'passkey_rejected') },
      },
    },
    async (request, reply) => {
      await identity.passkeys.register(requireSteppedUp(request, identity), request.body.response, request.body.label, requestContext(request));
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/me/two-factor/passkeys/:id',
    { schema: { tags, summary: 'Remove a passkey', params: idParams, response: { 204: z.null(), ...problems(...sensitive, 'not_found') } } },
    async (request, reply) => {
      await identity.passkeys.remove(requireSteppedUp(request, identity), request.params.id, requestContext(request));
      return reply.code(204).send(null);
    },
  );
}
