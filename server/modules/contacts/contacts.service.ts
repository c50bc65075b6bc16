import type { z } from 'zod';
import { MAX_CONTACT_PERSONS, type contactPerson } from '../../../contract/contacts.ts';
import { AppError } from '../../core/app-error.ts';
import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/tokens.ts';
import type { Db, Executor } from '../../db/database.ts';
import { recordInstallationAudit, type InstallationAuditAction } from '../audit/index.ts';
import type { Account } from '../identity/index.ts';
import { isPermutation, normalizeContact, type ContactInput } from './contacts.rules.ts';
import { countContacts, deleteContact, insertContact, listContacts, lockContacts, setPosition, updateContact } from './contacts.store.ts';
import type { ContactPerson } from './contacts.tables.ts';

export interface ContactsDeps {
  db: Db;
  clock: Clock;
}

type ContactView = z.infer<typeof contactPerson>;

const view = (c: ContactPerson): ContactView => ({
  id: c.id,
  position: c.position,
  name: c.name,
  phones: c.phones,
  relation: c.relation,
  keyHolder: c.keyHolder,
});

/** The ordered list of people the alarm centre calls (SPEC §5.2). */
export function createContacts(deps: ContactsDeps) {
  const { db, clock } = deps;

  /** Every change: one installation's list locked, the change, its audit entry, the list as it now is. */
  async function change(
    installationId: string,
    by: Account,
    action: InstallationAuditAction,
    apply: (tx: Executor, current: ContactPerson[], now: Date) => Promise<Record<string, unknown>>,
  ): Promise<ContactView[]> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      await lockContacts(tx, installationId);
      const details = await apply(tx, await listContacts(tx, installationId), now);
      await recordInstallationAudit(tx, { installationId, actorAccountId: by.id, action, at: now, details });
      return (await listContacts(tx, installationId)).map(view);
    });
  }

  /** Positions 1…n in the given order. */
  async function renumber(tx: Executor, installationId: string, ids: readonly string[], now: Date): Promise<void> {
    for (const [index, id] of ids.entries()) await setPosition(tx, installationId, id, index + 1, now);
  }

  return {
    list: async (installationId: string) => (await listContacts(db, installationId)).map(view),
    count: (installationId: string) => countContacts(db, installationId),

    add(installationId: string, by: Account, input: ContactInput): Promise<ContactView[]> {
      const contact = normalizeContact(input);
      return change(installationId, by, 'contact_added', async (tx, current, now) => {
        if (current.length >= MAX_CONTACT_PERSONS) throw new AppError('contact_limit_reached');
        const id = newId();
        await insertContact(tx, { id, installationId, position: current.length + 1, ...contact, createdAt: now, updatedAt: now });
        return { contactId: id };
      });
    },

    update(installationId: string, by: Account, contactId: string, input: ContactInput): Promise<ContactView[]> {
      const contact = normalizeContact(input);
      return change(installationId, by, 'contact_updated', async (tx, _current, now) => {
        if (!(await updateContact(tx, installationId, contactId, { ...contact, updatedAt: now }))) throw new AppError('not_found');
        return { contactId };
      });
    },

    remove(installationId: string, by: Account, contactId: string): Promise<ContactView[]> {
      return change(installationId, by, 'contact_removed', async (tx, current, now) => {
        if (!(await deleteContact(tx, installationId, contactId))) throw new AppError('not_found');
        await renumber(
          tx,
          installationId,
          current.map((c) => c.id).filter((id) => id !== contactId),
          now,
        );
        return { contactId };
      });
    },

    reorder(installationId: string, by: Account, ids: string[]): Promise<ContactView[]> {
      return change(installationId, by, 'contacts_reordered', async (tx, current, now) => {
        if (
          !isPermutation(
            current.map((c) => c.id),
            ids,
          )
        )
          throw new AppError('contact_order_mismatch');
        await renumber(tx, installationId, ids, now);
        return { order: ids };
      });
    },
  };
}

export type ContactsService = ReturnType<typeof createContacts>;
