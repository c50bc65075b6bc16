import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createdToken, createTokenRequest, idParams, integrationTokenList } from '../../../contract/account.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { requestContext, requireSession, requireSteppedUp } from '../../http/plugins/session.ts';
import type { Identity } from './index.ts';

/** Integration tokens (SPEC §3.13), managed only by the signed-in person, never by a token. */
export function integrationTokenRoutes(app: FastifyInstance, identity: Identity): void {
  const r = typed(app);
  const tags = ['integration tokens'];

  r.get(
    '/me/tokens',
    { schema: { tags, summary: "The account's live integration tokens", response: { 200: integrationTokenList, ...problems('unauthenticated', 'forbidden') } } },
    async (request) => identity.integrationTokens.list(requireSession(request)),
  );

  r.post(
    '/me/tokens',
    {
      schema: {
        tags,
        summary: 'Create a token (read-only unless asked); the answer is the only time it is shown',
        body: createTokenRequest,
        response: { 201: createdToken, ...problems('unauthenticated', 'forbidden', 'csrf_failed', 'step_up_required') },
      },
    },
    async (request, reply) => {
      const created = await identity.integrationTokens.create(requireSteppedUp(request, identity), request.body, requestContext(request));
      return reply.code(201).send(created);
    },
  );

  r.delete(
    '/me/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a token; it stops working at once (no step-up: taking access away is always allowed)',
        params: idParams,
        response: { 204: z.null(), ...problems('unauthenticated', 'forbidden', 'csrf_failed', 'not_found') },
      },
    },
    async (request, reply) => {
      await identity.integrationTokens.revoke(requireSession(request), request.params.id, requestContext(request));
      return reply.code(204).send(null);
    },
  );
}
