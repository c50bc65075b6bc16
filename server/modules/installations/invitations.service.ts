import type { z } from 'zod';
import type { invitation, invitationPeek, inviteRequest, PermissionLevel } from '../../../contract/installations.ts';
import { AppError } from '../../core/app-error.ts';
import { addSeconds } from '../../core/clock.ts';
import { hashToken, newId, newToken } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import { recordInstallationAudit } from '../audit/index.ts';
import { findAccountById, isPlausibleEmail, normalizeEmail, normalizePhone, type Account, type RequestContext, type SessionActor } from '../identity/index.ts';
import { findInstallation, findMember, insertMember } from './installations.store.ts';
import type { Invitation } from './installations.tables.ts';
import type { InstallationsService } from './installations.service.ts';
import type { Access, InstallationsDeps } from './installations.types.ts';
import { INVITATION_TTL_SECONDS, invitationProblem } from './invitations.rules.ts';
import {
  closeExpiredInvitations,
  consumeInvitation,
  findInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  listOpenInvitations,
  replaceInvitationToken,
  revokeInvitation,
} from './invitations.store.ts';
import { checkAccessWindow, checkAssign } from './members.rules.ts';

type InvitationView = z.infer<typeof invitation>;

/** Add user (SPEC §4.3): single-use links valid 7 days, of which only hashes are stored. */
export function createInvitationsService(deps: InstallationsDeps, installations: InstallationsService) {
  const ttl = INVITATION_TTL_SECONDS;

  async function nameOf(db: Executor, accountId: string | null): Promise<string> {
    return (accountId && (await findAccountById(db, accountId))?.name) || '';
  }

  function view(inv: Invitation, inviterName: string, now: Date): InvitationView {
    return {
      id: inv.id,
      name: inv.name,
      email: inv.email,
      // Open invitations keep the number (the check constraint of migration 0042).
      phone: inv.phone!,
      level: inv.level,
      accessWindow: inv.accessWindow,
      invitedBy: inviterName,
      createdAt: inv.createdAt.toISOString(),
      expiresAt: inv.expiresAt.toISOString(),
      expired: inv.expiresAt <= now,
    };
  }

  /** The link goes in the fragment, so it never reaches a server log or a Referer header. */
  async function send(tx: Executor, inv: Invitation, token: string, access: Access, existing: Account | undefined): Promise<void> {
    await deps.notifications.enqueue(tx, {
      channel: 'email',
      to: inv.email,
      language: existing?.language ?? inv.language,
      template: existing ? 'installation_invitation' : 'installation_invitation_register',
      accountId: existing?.id ?? null,
      vars: {
        name: existing?.name ?? inv.name,
        inviterName: access.account.name,
        alias: access.installation.alias,
        level: inv.level,
        link: `${deps.config.publicUrl}/invitation#token=${token}`,
        days: ttl / 86400,
        supportPhone: deps.config.customerServicePhone,
      },
    });
  }

  /** A manager may act on an invitation only for a level they may give. */
  async function managedInvitation(access: Access, invitationId: string): Promise<Invitation> {
    const inv = await findInvitation(deps.db, access.installation.id, invitationId);
    if (!inv) throw new AppError('not_found');
    checkAssign(access.member.level, inv.level);
    return inv;
  }

  /** The invitation behind a link, still open and for the signed-in account's address. */
  async function openInvitationFor(account: Account, token: string): Promise<Invitation> {
    const inv = await findInvitationByTokenHash(deps.db, hashToken(token));
    const problem = invitationProblem(inv, deps.clock.now(), account.email);
    if (problem || !inv) throw new AppError(problem ?? 'invitation_not_found');
    return inv;
  }

  const hasVerifiedPhone = (account: Account) => Boolean(account.phone && account.phoneVerifiedAt);

  /**
   * Confirming a number through the invitation is only for an account without a verified one;
   * the link proves the mailbox as an e-mailed step-up code would, so no step-up is asked (ADR 0045).
   */
  async function checkPhoneConfirmable(actor: SessionActor, token: string): Promise<void> {
    await openInvitationFor(actor.account, token);
    if (hasVerifiedPhone(actor.account)) throw new AppError('phone_already_verified');
  }

  return {
    async invite(access: Access, input: z.infer<typeof inviteRequest>): Promise<InvitationView> {
      checkAssign(access.member.level, input.level);
      const level = input.level as Exclude<PermissionLevel, 'owner'>;
      const accessWindow = checkAccessWindow(level, input.accessWindow);
      const email = normalizeEmail(input.email);
      if (!isPlausibleEmail(email)) throw new AppError('invalid_email', { field: 'email' });
      const phone = normalizePhone(input.phone);
      if (!phone) throw new AppError('invalid_phone', { field: 'phone' });
      const existing = await deps.identity.accounts.findByEmail(email);
      if (existing && (await findMember(deps.db, access.installation.id, existing.id))) throw new AppError('already_member');

      const now = deps.clock.now();
      const token = newToken();
      const inv = await deps.db.transaction(async (tx) => {
        await closeExpiredInvitations(tx, access.installation.id, email, now);
        const inserted = await insertInvitation(tx, {
          id: newId(),
          installationId: access.installation.id,
          tokenHash: hashToken(token),
          email,
          name: input.name,
          phone,
          level,
          accessWindow,
          language: input.language ?? access.account.language,
          invitedBy: access.account.id,
          createdAt: now,
          expiresAt: addSeconds(now, ttl),
        });
        if (!inserted) throw new AppError('invitation_pending');
        await send(tx, inserted, token, access, existing);
        await recordInstallationAudit(tx, {
          installationId: access.installation.id,
          actorAccountId: access.account.id,
          action: 'member_invited',
          targetAccountId: existing?.id ?? null,
          at: now,
          details: { invitationId: inserted.id, level },
        });
        return inserted;
      });
      return view(inv, access.account.name, now);
    },

    /** Open invitations, the expired ones included so they can be re-sent. */
    async list(access: Access): Promise<InvitationView[]> {
      const now = deps.clock.now();
      const open = await listOpenInvitations(deps.db, access.installation.id);
      return Promise.all(open.map(async (inv) => view(inv, await nameOf(deps.db, inv.invitedBy), now)));
    },

    /** A new link valid another 7 days; the old link stops working. */
    async resend(access: Access, invitationId: string): Promise<InvitationView> {
      const inv = await managedInvitation(access, invitationId);
      const existing = await deps.identity.accounts.findByEmail(inv.email);
      const now = deps.clock.now();
      const token = newToken();
      const renewed = await deps.db.transaction(async (tx) => {
        const row = await replaceInvitationToken(tx, inv.id, hashToken(token), addSeconds(now, ttl));
        if (!row) throw new AppError(invitationProblem(inv, now) ?? 'conflict');
        await send(tx, row, token, access, existing);
        await recordInstallationAudit(tx, {
          installationId: access.installation.id,
          actorAccountId: access.account.id,
          action: 'invitation_resent',
          at: now,
          details: { invitationId: inv.id, level: inv.level },
        });
        return row;
      });
      return view(renewed, await nameOf(deps.db, renewed.invitedBy), now);
    },

    async revoke(access: Access, invitationId: string): Promise<void> {
      const inv = await managedInvitation(access, invitationId);
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        if (!(await revokeInvitation(tx, inv.id, now))) throw new AppError(invitationProblem(inv, now) ?? 'conflict');
        await recordInstallationAudit(tx, {
          installationId: access.installation.id,
          actorAccountId: access.account.id,
          action: 'invitation_revoked',
          at: now,
          details: { invitationId: inv.id, level: inv.level },
        });
      });
    },

    /** What a link shows before anyone signs in: who invited whom to what. */
    async peek(token: string): Promise<z.infer<typeof invitationPeek>> {
      const inv = await findInvitationByTokenHash(deps.db, hashToken(token));
      const problem = invitationProblem(inv, deps.clock.now());
      const installation = inv && (await findInstallation(deps.db, inv.installationId));
      if (problem || !inv || !installation) throw new AppError(problem ?? 'invitation_not_found');
      return {
        installationAlias: installation.alias,
        city: installation.city,
        inviterName: await nameOf(deps.db, inv.invitedBy),
        name: inv.name,
        email: inv.email,
        level: inv.level,
        expiresAt: inv.expiresAt.toISOString(),
      };
    },

    /** The number the inviter typed, for the invitee to confirm; an account with a verified number keeps it. */
    async phoneOffer(actor: SessionActor, token: string): Promise<{ phone: string | null }> {
      const inv = await openInvitationFor(actor.account, token);
      return { phone: hasVerifiedPhone(actor.account) ? null : inv.phone };
    },

    /** A code by SMS to the offered number, or to the one the invitee typed instead: the account page's phone change. */
    async sendPhoneCode(actor: SessionActor, token: string, phone: string, ctx: RequestContext): Promise<{ sentTo: string; expiresInSeconds: number }> {
      await checkPhoneConfirmable(actor, token);
      return deps.identity.contactDetails.requestPhoneChange(actor, phone, ctx);
    },

    async confirmPhone(actor: SessionActor, token: string, code: string, ctx: RequestContext): Promise<void> {
      await checkPhoneConfirmable(actor, token);
      await deps.identity.contactDetails.confirmPhoneChange(actor, code, ctx);
    },

    /** Accept while signed in as the invited address; the link is spent in the same statement that checks it. */
    async accept(account: Account, token: string): Promise<{ installationId: string; level: PermissionLevel }> {
      const now = deps.clock.now();
      const tokenHash = hashToken(token);
      return deps.db.transaction(async (tx) => {
        const inv = await consumeInvitation(tx, tokenHash, account.email, account.id, now);
        if (!inv) throw new AppError(invitationProblem(await findInvitationByTokenHash(tx, tokenHash), now, account.email) ?? 'conflict');
        const joined = await insertMember(tx, {
          installationId: inv.installationId,
          accountId: account.id,
          level: inv.level,
          accessWindow: inv.accessWindow,
          createdAt: now,
          updatedAt: now,
        });
        if (!joined) throw new AppError('already_member');
        const installation = (await findInstallation(tx, inv.installationId))!;
        await recordInstallationAudit(tx, {
          installationId: inv.installationId,
          actorAccountId: account.id,
          action: 'member_joined',
          targetAccountId: account.id,
          at: now,
          details: { invitationId: inv.id, level: inv.level, invitedBy: inv.invitedBy },
        });
        await installations.notifyOwner(tx, installation, 'installation_member_added', {
          memberName: account.name,
          level: inv.level,
          inviterName: await nameOf(tx, inv.invitedBy),
        });
        return { installationId: inv.installationId, level: inv.level };
      });
    },
  };
}
