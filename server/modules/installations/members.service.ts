import type { z } from 'zod';
import type { changeMemberRequest, member } from '../../../contract/installations.ts';
import { AppError } from '../../core/app-error.ts';
import { recordInstallationAudit } from '../audit/index.ts';
import { findAccountById } from '../identity/index.ts';
import type { ErrorCode } from '../../../contract/errors.ts';
import type { Executor } from '../../db/database.ts';
import { countMembers, deleteMember, findMember, listMembers, listMembershipsOfAccount, updateMember } from './installations.store.ts';
import type { InstallationsService } from './installations.service.ts';
import type { Access, InstallationsDeps } from './installations.types.ts';
import { checkAccessWindow, checkAssign, checkManage } from './members.rules.ts';

type MemberView = z.infer<typeof member>;

/** Members of an installation: list, change level or window, remove, leave (SPEC §4.4). */
export function createMembersService(deps: InstallationsDeps, installations: InstallationsService) {
  async function removeMember(access: Access, accountId: string, expectedLevel: MemberView['level'], how: 'member_removed' | 'member_left') {
    const now = deps.clock.now();
    const removed = await findAccountById(deps.db, accountId);
    await deps.db.transaction(async (tx) => {
      if (!(await deleteMember(tx, access.installation.id, accountId, expectedLevel))) throw new AppError('conflict');
      await recordInstallationAudit(tx, {
        installationId: access.installation.id,
        actorAccountId: access.account.id,
        action: how,
        targetAccountId: accountId,
        at: now,
        details: { level: expectedLevel },
      });
      await installations.notifyOwner(tx, access.installation, 'installation_member_removed', {
        memberName: removed?.name ?? '',
        byName: access.account.name,
      });
    });
  }

  return {
    count: (installationId: string) => countMembers(deps.db, installationId),

    async list(access: Access): Promise<MemberView[]> {
      const members = await listMembers(deps.db, access.installation.id);
      const views = await Promise.all(
        members.map(async (m) => {
          const account = await findAccountById(deps.db, m.accountId);
          return account
            ? { accountId: m.accountId, name: account.name, email: account.email, phone: account.phone, level: m.level, accessWindow: m.accessWindow, since: m.createdAt.toISOString() }
            : undefined;
        }),
      );
      return views.filter((v) => v !== undefined);
    },

    async change(access: Access, accountId: string, input: z.infer<typeof changeMemberRequest>): Promise<void> {
      const target = await findMember(deps.db, access.installation.id, accountId);
      if (!target) throw new AppError('not_found');
      checkManage(access.member.level, target.level);
      const level = input.level ?? target.level;
      checkAssign(access.member.level, level);
      // A window belongs to restricted users only: kept unless replaced, dropped with the level.
      const accessWindow = checkAccessWindow(level, input.accessWindow !== undefined ? input.accessWindow : level === 'restricted' ? target.accessWindow : null);
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const changed = await updateMember(tx, { installationId: access.installation.id, accountId, expectedLevel: target.level }, { level, accessWindow }, now);
        if (!changed) throw new AppError('conflict');
        await recordInstallationAudit(tx, {
          installationId: access.installation.id,
          actorAccountId: access.account.id,
          action: 'member_changed',
          targetAccountId: accountId,
          at: now,
          details: { from: target.level, to: level, accessWindow },
        });
      });
    },

    async remove(access: Access, accountId: string): Promise<void> {
      const target = await findMember(deps.db, access.installation.id, accountId);
      if (!target) throw new AppError('not_found');
      checkManage(access.member.level, target.level);
      await removeMember(access, accountId, target.level, 'member_removed');
    },

    /** Closing an account (SPEC §3.12): a system owner must hand the installation over first. */
    async closureGuard(tx: Executor, accountId: string): Promise<ErrorCode | null> {
      const memberships = await listMembershipsOfAccount(tx, accountId);
      return memberships.some((m) => m.member.level === 'owner') ? 'owner_must_transfer' : null;
    },

    /** Closing an account leaves every installation, audited and told to each owner, in the closing transaction. */
    async closureListener(tx: Executor, accountId: string): Promise<void> {
      const now = deps.clock.now();
      const leaving = await findAccountById(tx, accountId);
      for (const { installation, member } of await listMembershipsOfAccount(tx, accountId)) {
        if (!(await deleteMember(tx, installation.id, accountId, member.level))) throw new AppError('conflict');
        await recordInstallationAudit(tx, {
          installationId: installation.id,
          actorAccountId: accountId,
          action: 'member_left',
          targetAccountId: accountId,
          at: now,
          details: { level: member.level, reason: 'account_closed' },
        });
        await installations.notifyOwner(tx, installation, 'installation_member_removed', { memberName: leaving?.name ?? '', byName: leaving?.name ?? '' });
      }
    },

    /** Anyone but the owner may leave; the owner hands over through customer service first. */
    async leave(access: Access): Promise<void> {
      if (access.member.level === 'owner') throw new AppError('last_owner');
      await removeMember(access, access.account.id, access.member.level, 'member_left');
    },
  };
}
