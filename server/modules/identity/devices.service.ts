import { AppError } from '../../core/app-error.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import { listLiveDevices, revokeDevice } from './devices.store.ts';
import type { IdentityDeps, RequestContext, SessionActor } from './identity.types.ts';

/** The account's trusted devices (SPEC §3.6): listed and revoked by their owner. */
export function createDevices(deps: IdentityDeps) {
  const db = deps.db;
  return {
    async list(actor: SessionActor) {
      const rows = await listLiveDevices(db, actor.account.id, deps.clock.now());
      return rows.map((d) => ({ id: d.id, label: d.label, createdAt: d.createdAt.toISOString(), lastUsedAt: d.lastUsedAt.toISOString(), expiresAt: d.expiresAt.toISOString() }));
    },

    /** The device asks for a code again from its next sign-in on. */
    async revoke(actor: SessionActor, id: string, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        if (!(await revokeDevice(tx, actor.account.id, id, now))) throw new AppError('not_found');
        await recordSecurityEvent(tx, { accountId: actor.account.id, kind: 'device_revoked', at: now, ip: ctx.ip, userAgent: ctx.userAgent, details: { deviceId: id } });
      });
    },
  };
}

export type Devices = ReturnType<typeof createDevices>;
