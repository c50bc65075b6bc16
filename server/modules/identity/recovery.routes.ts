import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accepted, emailRequest, linkRequest, linkWithPasswordRequest, registerRequest } from '../../../contract/account.ts';
import type { ErrorCode } from '../../../contract/errors.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { requestContext } from '../../http/plugins/session.ts';
import type { Identity } from './index.ts';

const passwordRules: ErrorCode[] = ['password_too_short', 'password_too_long', 'password_too_common', 'password_contains_personal_data'];
const ACCEPTED = { status: 'accepted' as const };

/**
 * Signed-out account journeys: activation (SPEC §3.2), self-registration, forgot password
 * (§3.10) and the links of an e-mail change (§3.11). Answers about an address never tell
 * whether it has an account.
 */
export function recoveryRoutes(app: FastifyInstance, identity: Identity): void {
  const r = typed(app);
  const tags = ['account recovery'];

  r.post(
    '/auth/register',
    {
      schema: {
        tags,
        summary: 'Create an account; a confirmation link goes to the address (same answer if it already has one)',
        body: registerRequest,
        response: { 202: accepted, ...problems('invalid_email', 'rate_limited', ...passwordRules) },
      },
    },
    async (request, reply) => {
      await identity.activation.register(request.body, requestContext(request));
      return reply.code(202).send(ACCEPTED);
    },
  );

  r.post(
    '/auth/verify-email',
    { schema: { tags, summary: 'Confirm a registration through its link', body: linkRequest, response: { 204: z.null(), ...problems('link_invalid') } } },
    async (request, reply) => {
      await identity.activation.verifyEmail(request.body.token, requestContext(request));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/auth/activation/resend',
    { schema: { tags, summary: 'Send a new activation or confirmation link (same answer for every address)', body: emailRequest, response: { 202: accepted, ...problems('rate_limited') } } },
    async (request, reply) => {
      await identity.activation.requestActivationLink(request.body.email, requestContext(request));
      return reply.code(202).send(ACCEPTED);
    },
  );

  r.post(
    '/auth/activate',
    {
      schema: {
        tags,
        summary: 'Choose the first password through the activation link (valid 7 days, once)',
        body: linkWithPasswordRequest,
        response: { 204: z.null(), ...problems('link_invalid', ...passwordRules) },
      },
    },
    async (request, reply) => {
      await identity.activation.activate(request.body.token, request.body.password, requestContext(request));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/auth/password/forgot',
    {
      schema: {
        tags,
        summary: 'Send a reset link (same answer and timing for every address; works while locked)',
        body: emailRequest,
        response: { 202: accepted, ...problems('rate_limited') },
      },
    },
    async (request, reply) => {
      await identity.passwords.requestReset(request.body.email, requestContext(request));
      return reply.code(202).send(ACCEPTED);
    },
  );

  r.post(
    '/auth/password/reset',
    {
      schema: {
        tags,
        summary: 'Choose a new password through the reset link (30 minutes, once); signs out everything and lifts a lockout',
        body: linkWithPasswordRequest,
        response: { 204: z.null(), ...problems('link_invalid', ...passwordRules) },
      },
    },
    async (request, reply) => {
      await identity.passwords.reset(request.body.token, request.body.password, requestContext(request));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/auth/email/confirm',
    { schema: { tags, summary: 'Confirm a new e-mail address through the link sent to it', body: linkRequest, response: { 204: z.null(), ...problems('link_invalid', 'email_taken') } } },
    async (request, reply) => {
      await identity.contactDetails.confirmEmailChange(request.body.token, requestContext(request));
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/auth/email/undo',
    {
      schema: {
        tags,
        summary: 'Undo an e-mail change through the link sent to the old address; signs out everything',
        body: linkRequest,
        response: { 204: z.null(), ...problems('link_invalid', 'email_taken') },
      },
    },
    async (request, reply) => {
      await identity.contactDetails.undoEmailChange(request.body.token, requestContext(request));
      return reply.code(204).send(null);
    },
  );
}
