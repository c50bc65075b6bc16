import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  acceptedInvitation,
  changeMemberRequest,
  installationList,
  installationParams,
  installationSummary,
  invitation,
  invitationList,
  invitationParams,
  invitationPeek,
  invitationPhoneCodeRequest,
  invitationPhoneOffer,
  invitationPhoneVerifyRequest,
  invitationTokenRequest,
  inviteRequest,
  memberList,
  memberParams,
} from '../../../contract/installations.ts';
import { phoneCodeSent } from '../../../contract/account.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { requestContext, requireActor, requireSession } from '../../http/plugins/session.ts';
import { requireAccess } from './guard.routes.ts';
import type { Installations } from './index.ts';

const tags = ['installations'];
const guarded = ['unauthenticated', 'forbidden', 'not_found', 'access_window_closed'] as const;
const managed = [...guarded, 'step_up_required', 'csrf_failed', 'level_not_allowed', 'last_owner'] as const;
/** Whatever the signed-in invitee does with a link. */
const invitee = ['unauthenticated', 'csrf_failed', 'invitation_not_found', 'invitation_expired', 'invitation_used', 'invitation_revoked', 'invitation_wrong_account'] as const;

/** Installations, their users and invitations (SPEC §4). Access is checked by the guard from `config.permission`. */
export function installationsRoutes(app: FastifyInstance, installations: Installations): void {
  const r = typed(app);
  const { members, invitations } = installations;

  r.get(
    '/installations',
    { schema: { tags, summary: 'My installations, with my level and what I may do in each', response: { 200: installationList, ...problems('unauthenticated') } } },
    async (request) => installations.service.listForAccount(requireActor(request).account.id),
  );

  r.get(
    '/installations/:installationId',
    {
      config: { permission: 'installation.view' },
      schema: { tags, summary: 'One installation', params: installationParams, response: { 200: installationSummary, ...problems(...guarded) } },
    },
    async (request) => installations.service.summary(requireAccess(request)),
  );

  r.get(
    '/installations/:installationId/members',
    {
      config: { permission: 'members.view' },
      schema: { tags, summary: 'Users and their permission levels', params: installationParams, response: { 200: memberList, ...problems(...guarded) } },
    },
    async (request) => members.list(requireAccess(request)),
  );

  r.patch(
    '/installations/:installationId/members/:accountId',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags,
        summary: "Change a user's level or access window",
        params: memberParams,
        body: changeMemberRequest,
        response: { 204: z.null(), ...problems(...managed, 'invalid_access_window', 'conflict') },
      },
    },
    async (request, reply) => {
      await members.change(requireAccess(request), request.params.accountId, request.body);
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/installations/:installationId/members/:accountId',
    {
      config: { permission: 'members.manage' },
      schema: { tags, summary: 'Remove a user', params: memberParams, response: { 204: z.null(), ...problems(...managed, 'conflict') } },
    },
    async (request, reply) => {
      await members.remove(requireAccess(request), request.params.accountId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/installations/:installationId/leave',
    {
      config: { permission: 'membership.leave' },
      schema: { tags, summary: 'Leave the installation yourself', params: installationParams, response: { 204: z.null(), ...problems(...guarded, 'csrf_failed', 'last_owner') } },
    },
    async (request, reply) => {
      await members.leave(requireAccess(request));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/installations/:installationId/invitations',
    {
      config: { permission: 'members.view' },
      schema: { tags, summary: 'Pending invitations', params: installationParams, response: { 200: invitationList, ...problems(...guarded) } },
    },
    async (request) => invitations.list(requireAccess(request)),
  );

  r.post(
    '/installations/:installationId/invitations',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags,
        summary: 'Add user: invite a person by e-mail with a permission level',
        params: installationParams,
        body: inviteRequest,
        response: { 201: invitation, ...problems(...managed, 'invalid_email', 'invalid_phone', 'invalid_access_window', 'already_member', 'invitation_pending') },
      },
    },
    async (request, reply) => reply.code(201).send(await invitations.invite(requireAccess(request), request.body)),
  );

  r.post(
    '/installations/:installationId/invitations/:invitationId/resend',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags,
        summary: 'Send the invitation again with a new link (the old link stops working)',
        params: invitationParams,
        response: { 200: invitation, ...problems(...managed, 'invitation_used', 'invitation_revoked') },
      },
    },
    async (request) => invitations.resend(requireAccess(request), request.params.invitationId),
  );

  r.delete(
    '/installations/:installationId/invitations/:invitationId',
    {
      config: { permission: 'members.manage' },
      schema: { tags, summary: 'Revoke an invitation', params: invitationParams, response: { 204: z.null(), ...problems(...managed, 'invitation_used', 'invitation_revoked') } },
    },
    async (request, reply) => {
      await invitations.revoke(requireAccess(request), request.params.invitationId);
      return reply.code(204).send(null);
    },
  );

  // The token travels in the body, never in a URL that could end up in a log.
  r.post(
    '/invitations/peek',
    {
      schema: {
        tags,
        summary: 'What an invitation link is for (no sign-in needed)',
        body: invitationTokenRequest,
        response: { 200: invitationPeek, ...problems('invitation_not_found', 'invitation_expired', 'invitation_used', 'invitation_revoked') },
      },
    },
    async (request) => invitations.peek(request.body.token),
  );

  r.post(
    '/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation while signed in as the invited e-mail address',
        body: invitationTokenRequest,
        response: {
          200: acceptedInvitation,
          ...problems(...invitee, 'already_member'),
        },
      },
    },
    async (request) => invitations.accept(requireActor(request).account, request.body.token),
  );

  r.post(
    '/invitations/phone',
    {
      schema: {
        tags,
        summary: 'The mobile number the inviter typed, for the signed-in invitee to confirm (null when the account has a verified one)',
        body: invitationTokenRequest,
        response: { 200: invitationPhoneOffer, ...problems(...invitee, 'forbidden') },
      },
    },
    async (request) => invitations.phoneOffer(requireSession(request), request.body.token),
  );

  r.post(
    '/invitations/phone/code',
    {
      schema: {
        tags,
        summary: 'Send a code by SMS to the offered number or another one, to confirm it while accepting',
        body: invitationPhoneCodeRequest,
        response: {
          200: phoneCodeSent,
          ...problems(...invitee, 'forbidden', 'phone_already_verified', 'invalid_phone', 'channel_unavailable', 'resend_too_soon', 'resend_limit_reached'),
        },
      },
    },
    async (request) => invitations.sendPhoneCode(requireSession(request), request.body.token, request.body.phone, requestContext(request)),
  );

  r.post(
    '/invitations/phone/verify',
    {
      schema: {
        tags,
        summary: "Confirm the number with its code: it becomes the account's mobile number for codes",
        body: invitationPhoneVerifyRequest,
        response: { 204: z.null(), ...problems(...invitee, 'forbidden', 'phone_already_verified', 'invalid_code', 'account_locked') },
      },
    },
    async (request, reply) => {
      await invitations.confirmPhone(requireSession(request), request.body.token, request.body.code, requestContext(request));
      return reply.code(204).send(null);
    },
  );
}
