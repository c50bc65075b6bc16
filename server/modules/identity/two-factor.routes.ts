import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { codeRequest, idParams, startTotpRequest, totpEnrolment, twoFactorOverview, updateTwoFactorRequest } from '../../../contract/account.ts';
import type { ErrorCode } from '../../../contract/errors.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { requestContext, requireSession, requireSteppedUp } from '../../http/plugins/session.ts';
import type { Identity } from './index.ts';

const sensitive: ErrorCode[] = ['unauthenticated', 'forbidden', 'csrf_failed', 'step_up_required'];

/** Two-step verification settings (SPEC §3.4, §3.15); every change needs a step-up. */
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
}
