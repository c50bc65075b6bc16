import type { z } from 'zod';
import type { AccessWindow, InstallationAction, installationSummary, PermissionLevel } from '../../../contract/installations.ts';
import { AppError } from '../../core/app-error.ts';
import { newId } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import { recordInstallationAudit } from '../audit/index.ts';
import { findAccountById, type Actor } from '../identity/index.ts';
import type { TemplateName } from '../notifications/index.ts';
import { checkAccessWindow } from './members.rules.ts';
import { ASSIGNABLE_LEVELS, PERMISSIONS, allowedActions, decide } from './permissions.rules.ts';
import { isWithinWindow } from './access-window.rules.ts';
import { findMembership, findOwner, insertInstallation, insertMember, listMembershipsOfAccount } from './installations.store.ts';
import type { Installation, Member } from './installations.tables.ts';
import type { Access, InstallationsDeps } from './installations.types.ts';

export interface NewInstallation {
  number: string;
  alias: string;
  address: { street: string; postalCode: string; city: string };
  timeZone?: string;
  /** Exactly one of them is the owner. */
  members: Array<{ accountId: string; level: PermissionLevel; accessWindow?: AccessWindow }>;
}

type Summary = z.infer<typeof installationSummary>;

export function createInstallationsService(deps: InstallationsDeps) {
  function summary(installation: Installation, member: Member, now: Date): Summary {
    const within = !member.accessWindow || isWithinWindow(member.accessWindow, now, installation.timeZone);
    return {
      id: installation.id,
      number: installation.number,
      alias: installation.alias,
      address: { street: installation.street, postalCode: installation.postalCode, city: installation.city },
      timeZone: installation.timeZone,
      level: member.level,
      accessWindow: member.accessWindow,
      withinAccessWindow: within,
      allowedActions: allowedActions(member, now, installation.timeZone),
      assignableLevels: [...ASSIGNABLE_LEVELS[member.level]],
    };
  }

  return {
    /**
     * The one access check of every installation route: membership, the permission table,
     * the access window, and step-up for sensitive actions. Strangers get not_found so
     * installation ids reveal nothing.
     */
    async authorize(actor: Actor, installationId: string, action: InstallationAction): Promise<Access> {
      const found = await findMembership(deps.db, installationId, actor.account.id);
      if (!found) throw new AppError('not_found');
      const decision = decide(found.member, action, deps.clock.now(), found.installation.timeZone);
      if (decision === 'forbidden') throw new AppError('forbidden');
      if (decision === 'outside_window') throw new AppError('access_window_closed');
      if (PERMISSIONS[action].stepUp) deps.identity.sessions.requireStepUp(actor);
      return { account: actor.account, ...found };
    },

    async listForAccount(accountId: string): Promise<Summary[]> {
      const now = deps.clock.now();
      return (await listMembershipsOfAccount(deps.db, accountId)).map(({ installation, member }) => summary(installation, member, now));
    },

    summary: (access: Access) => summary(access.installation, access.member, deps.clock.now()),

    /** Create an installation with its members (the company's provisioning, and demo data). */
    async provision(input: NewInstallation): Promise<Installation> {
      if (input.members.filter((m) => m.level === 'owner').length !== 1) throw new AppError('validation_failed');
      const now = deps.clock.now();
      return deps.db.transaction(async (tx) => {
        const installation = await insertInstallation(tx, {
          id: newId(),
          number: input.number,
          alias: input.alias,
          ...input.address,
          timeZone: input.timeZone ?? 'Europe/Stockholm',
          createdAt: now,
          updatedAt: now,
        });
        for (const m of input.members) {
          const accessWindow = checkAccessWindow(m.level, m.accessWindow);
          await insertMember(tx, { installationId: installation.id, accountId: m.accountId, level: m.level, accessWindow, createdAt: now, updatedAt: now });
        }
        await recordInstallationAudit(tx, {
          installationId: installation.id,
          actorAccountId: null,
          action: 'installation_provisioned',
          at: now,
          details: { number: installation.number, members: input.members.map((m) => ({ accountId: m.accountId, level: m.level })) },
        });
        return installation;
      });
    },

    /** E-mail the system owner about a change, in the change's transaction (SPEC §3.14). */
    async notifyOwner(tx: Executor, installation: Installation, template: TemplateName, vars: Record<string, string | number>): Promise<void> {
      const member = await findOwner(tx, installation.id);
      const owner = member && (await findAccountById(tx, member.accountId));
      if (!owner) return;
      await deps.notifications.enqueue(tx, {
        channel: 'email',
        to: owner.email,
        language: owner.language,
        template,
        accountId: owner.id,
        vars: { name: owner.name, alias: installation.alias, portalUrl: deps.config.publicUrl, supportPhone: deps.config.customerServicePhone, ...vars },
      });
    },
  };
}

export type InstallationsService = ReturnType<typeof createInstallationsService>;
