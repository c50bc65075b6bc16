import { AppError } from '../../core/app-error.ts';
import type { Executor } from '../../db/database.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import { maskPhone } from '../notifications/index.ts';
import { emailInUse, findAccountById, updateAccount } from './accounts.store.ts';
import type { Challenges } from './challenges.service.ts';
import type { CodeDelivery } from './code-delivery.service.ts';
import { revokeAllDevices } from './devices.store.ts';
import { revokeAllIntegrationTokens } from './integration-tokens.store.ts';
import { isPlausibleEmail, normalizeEmail } from './email.rules.ts';
import type { IdentityDeps, RequestContext, SessionActor } from './identity.types.ts';
import type { Links } from './links.service.ts';
import type { Notices } from './notices.service.ts';
import { normalizePhone } from './phone.rules.ts';
import { revokeAccountSessions } from './sessions.store.ts';
import type { UnverifiedSms } from './unverified-sms.service.ts';

export interface ContactDetailsParts {
  links: Links;
  notices: Notices;
  challenges: Challenges;
  codes: CodeDelivery;
  unverifiedSms: UnverifiedSms;
}

/**
 * Change of e-mail and phone (SPEC §3.11): the new e-mail is confirmed by a link sent to it and
 * the old address gets a way to undo; a new phone is confirmed by a code sent to it. Either
 * change revokes every trusted device (§3.6).
 */
export function createContactDetails(deps: IdentityDeps, parts: ContactDetailsParts) {
  const { links, notices, challenges, codes, unverifiedSms } = parts;
  const { auth } = deps.config;
  const db = deps.db;

  /** The address must be free when asked and again when confirmed (another account may have taken it since). */
  async function ensureFree(tx: Executor, email: string, accountId: string): Promise<void> {
    if (await emailInUse(tx, email, accountId)) throw new AppError('email_taken');
  }

  return {
    async requestEmailChange(actor: SessionActor, newEmailInput: string, ctx: RequestContext): Promise<void> {
      const newEmail = normalizeEmail(newEmailInput);
      if (!isPlausibleEmail(newEmail)) throw new AppError('invalid_email', { field: 'email' });
      if (newEmail === actor.account.email) throw new AppError('email_taken', { field: 'email' });
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        await ensureFree(tx, newEmail, actor.account.id);
        const token = await links.issue(tx, actor.account.id, 'email_change', auth.emailChangeLinkSeconds, now, { newEmail });
        await notices.email(tx, actor.account, 'email_change_confirm', { link: notices.link('confirm-email', token), hours: Math.round(auth.emailChangeLinkSeconds / 3600) }, newEmail);
        await recordSecurityEvent(tx, { accountId: actor.account.id, kind: 'email_change_requested', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      });
    },

    /** The link in the new mailbox: the address changes, the old one is told with an undo link. */
    async confirmEmailChange(token: string, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        const link = await links.consume(tx, token, 'email_change', now);
        const account = await findAccountById(tx, link.accountId);
        const newEmail = link.payload.newEmail!;
        if (!account || account.status !== 'active') throw new AppError('link_invalid');
        await ensureFree(tx, newEmail, account.id);
        const oldEmail = account.email;
        const updated = await updateAccount(tx, account.id, { email: newEmail, emailVerifiedAt: now }, now);
        await revokeAllDevices(tx, account.id, now);
        const undo = await links.issue(tx, account.id, 'email_undo', auth.emailUndoLinkSeconds, now, { oldEmail });
        await notices.email(
          tx,
          updated,
          'email_changed',
          { email: newEmail, when: notices.when(now), link: notices.link('undo-email-change', undo), days: Math.round(auth.emailUndoLinkSeconds / 86400) },
          oldEmail,
        );
        await recordSecurityEvent(tx, { accountId: account.id, kind: 'email_changed', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      });
    },

    /**
     * The undo link in the old mailbox: the old address comes back and every session, device and
     * integration token is ended, since whoever made the change may hold them.
     */
    async undoEmailChange(token: string, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        const link = await links.consume(tx, token, 'email_undo', now);
        const account = await findAccountById(tx, link.accountId);
        const oldEmail = link.payload.oldEmail!;
        if (!account || account.status === 'closed') throw new AppError('link_invalid');
        await ensureFree(tx, oldEmail, account.id);
        const restored = await updateAccount(tx, account.id, { email: oldEmail, emailVerifiedAt: now }, now);
        await revokeAccountSessions(tx, account.id, now);
        await revokeAllDevices(tx, account.id, now);
        await revokeAllIntegrationTokens(tx, account.id, now);
        await notices.email(tx, restored, 'email_change_undone');
        await recordSecurityEvent(tx, { accountId: account.id, kind: 'email_change_undone', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      });
    },

    /**
     * Send a code by SMS to the new number (never by e-mail: the point is to prove the phone),
     * within the limits of SMS to unverified numbers.
     */
    async requestPhoneChange(actor: SessionActor, phoneInput: string, ctx: RequestContext): Promise<{ sentTo: string; expiresInSeconds: number }> {
      const phone = normalizePhone(phoneInput);
      if (!phone) throw new AppError('invalid_phone', { field: 'phone' });
      const now = deps.clock.now();
      return db.transaction(async (tx) => {
        // The destination and the limits first: a refused number is refused, however soon it comes.
        await unverifiedSms.reserve(tx, actor.account, phone, ctx, now);
        const code = await challenges.issue(tx, actor, 'phone_change', 'sms', phone, now);
        const sentTo = await codes.send(tx, actor.account, 'sms', code, 'phone_change_code', { to: phone });
        return { sentTo, expiresInSeconds: auth.codeTtlSeconds };
      });
    },

    async confirmPhoneChange(actor: SessionActor, code: string, ctx: RequestContext): Promise<void> {
      await challenges.verify(actor, 'phone_change', code, ctx, async (tx, challenge, now) => {
        const phone = challenge.target!;
        const updated = await updateAccount(tx, actor.account.id, { phone, phoneVerifiedAt: now }, now);
        await revokeAllDevices(tx, actor.account.id, now);
        await notices.email(tx, updated, 'phone_changed', { phone: maskPhone(phone), when: notices.when(now) });
        await recordSecurityEvent(tx, { accountId: actor.account.id, kind: 'phone_changed', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      });
    },
  };
}

export type ContactDetails = ReturnType<typeof createContactDetails>;
