import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  emailChangeRequested,
  activityList,
  activityQuery,
  changeEmailRequest,
  changePasswordRequest,
  passwordChanged,
  changePhoneRequest,
  closureCheck,
  codeRequest,
  deviceList,
  idParams,
  phoneCodeSent,
  revokedCount,
  sessionList,
  updateMeRequest,
} from '../../../contract/account.ts';
import { me } from '../../../contract/auth.ts';
import type { ErrorCode } from '../../../contract/errors.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { requestContext, requireActor, requireSession, requireSteppedUp } from '../../http/plugins/session.ts';
import { deviceLabel } from './device-label.rules.ts';
import type { Account } from './identity.tables.ts';
import type { Identity } from './index.ts';

const signedIn: ErrorCode[] = ['unauthenticated', 'forbidden', 'csrf_failed'];
const sensitive: ErrorCode[] = [...signedIn, 'step_up_required'];
const passwordRules: ErrorCode[] = ['password_too_short', 'password_too_long', 'password_too_common', 'password_contains_personal_data'];

/** The signed-in person's own account: profile, credentials, contact details, sessions, devices, activity, closing. */
export function accountRoutes(app: FastifyInstance, identity: Identity): void {
  const r = typed(app);
  const tags = ['account'];

  function describe(account: Account, request: Parameters<typeof requireActor>[0]): z.infer<typeof me> {
    const actor = requireActor(request);
    const credential = request.credential!;
    return {
      id: account.id,
      email: account.email,
      name: account.name,
      phone: account.phone,
      language: account.language,
      secondFactor: actor.session?.secondFactor ?? 'integration_token',
      csrfToken: credential.kind === 'cookie' ? identity.sessions.csrfTokenFor(credential.token) : undefined,
    };
  }

  r.get('/me', { schema: { tags, summary: 'The signed-in account', response: { 200: me, ...problems('unauthenticated') } } }, async (request) =>
    describe(requireActor(request).account, request),
  );

  r.patch('/me', { schema: { tags, summary: 'Change name or preferred language', body: updateMeRequest, response: { 200: me, ...problems(...signedIn) } } }, async (request) =>
    describe(await identity.accounts.updateProfile(requireActor(request), request.body, requestContext(request)), request),
  );

  r.post(
    '/me/password',
    {
      schema: {
        tags,
        summary: 'Change password (current password and step-up); other sessions, trusted devices and (unless kept) integration tokens are ended',
        body: changePasswordRequest,
        response: { 200: passwordChanged, ...problems(...sensitive, 'wrong_password', 'account_locked', ...passwordRules) },
      },
    },
    async (request) => {
      const actor = requireSteppedUp(request, identity);
      return { integrationTokensEnded: await identity.passwords.change(actor, request.body, requestContext(request)) };
    },
  );

  r.post(
    '/me/email',
    {
      schema: {
        tags,
        summary: 'Change e-mail: a confirmation link goes to the new address',
        body: changeEmailRequest,
        response: { 202: emailChangeRequested, ...problems(...sensitive, 'invalid_email', 'email_taken') },
      },
    },
    async (request, reply) => {
      await identity.contactDetails.requestEmailChange(requireSteppedUp(request, identity), request.body.email, requestContext(request));
      return reply.code(202).send({ status: 'confirmation_sent' as const });
    },
  );

  r.post(
    '/me/phone',
    {
      schema: {
        tags,
        summary: 'Change mobile number: a code goes by SMS to the new number',
        body: changePhoneRequest,
        response: {
          200: phoneCodeSent,
          ...problems(...sensitive, 'invalid_phone', 'sms_destination_not_allowed', 'rate_limited', 'channel_unavailable', 'resend_too_soon', 'resend_limit_reached'),
        },
      },
    },
    async (request) => identity.contactDetails.requestPhoneChange(requireSteppedUp(request, identity), request.body.phone, requestContext(request)),
  );

  r.post(
    '/me/phone/verify',
    {
      schema: {
        tags,
        summary: 'Confirm the new mobile number with its code; trusted devices are revoked',
        body: codeRequest,
        response: { 204: z.null(), ...problems(...sensitive, 'invalid_code', 'account_locked') },
      },
    },
    async (request, reply) => {
      await identity.contactDetails.confirmPhoneChange(requireSteppedUp(request, identity), request.body.code, requestContext(request));
      return reply.code(204).send(null);
    },
  );

  r.get('/me/sessions', { schema: { tags, summary: 'Where the account is signed in', response: { 200: sessionList, ...problems(...signedIn) } } }, async (request) => {
    const actor = requireSession(request);
    const rows = await identity.sessions.list(actor);
    return rows.map(({ session, current }) => ({
      id: session.id,
      client: session.client,
      current,
      device: deviceLabel(session.userAgent, actor.account.language),
      ip: session.ip,
      secondFactor: session.secondFactor,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
    }));
  });

  r.delete(
    '/me/sessions/:id',
    { schema: { tags, summary: 'Sign out one session; it stops working at once', params: idParams, response: { 204: z.null(), ...problems(...signedIn, 'not_found') } } },
    async (request, reply) => {
      await identity.sessions.revoke(requireSession(request), request.params.id, requestContext(request));
      return reply.code(204).send(null);
    },
  );

  r.post('/me/sessions/revoke-others', { schema: { tags, summary: 'Sign out every other session', response: { 200: revokedCount, ...problems(...signedIn) } } }, async (request) => ({
    revoked: await identity.sessions.revokeOthers(requireSession(request), requestContext(request)),
  }));

  r.get('/me/devices', { schema: { tags, summary: 'Trusted devices (they skip the code step)', response: { 200: deviceList, ...problems(...signedIn) } } }, async (request) =>
    identity.devices.list(requireSession(request)),
  );

  r.delete(
    '/me/devices/:id',
    { schema: { tags, summary: 'Stop trusting a device; its next sign-in asks for a code', params: idParams, response: { 204: z.null(), ...problems(...signedIn, 'not_found') } } },
    async (request, reply) => {
      await identity.devices.revoke(requireSession(request), request.params.id, requestContext(request));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/me/activity',
    { schema: { tags, summary: 'Recent security events of the account', querystring: activityQuery, response: { 200: activityList, ...problems('unauthenticated') } } },
    async (request) => identity.accounts.recentActivity(requireActor(request), request.query.limit),
  );

  r.get('/me/close', { schema: { tags, summary: 'Whether the account may be closed now, and why not', response: { 200: closureCheck, ...problems('unauthenticated') } } }, async (request) =>
    identity.closure.check(requireActor(request)),
  );

  r.post(
    '/me/close',
    {
      schema: {
        tags,
        summary: 'Close the account: sign-ins, devices and tokens end, personal data is erased',
        response: { 204: z.null(), ...problems(...sensitive, 'owner_must_transfer') },
      },
    },
    async (request, reply) => {
      await identity.closure.close(requireSteppedUp(request, identity));
      return reply.code(204).send(null);
    },
  );
}
