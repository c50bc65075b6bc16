import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { installationAudit } from './audit.tables.ts';

export type InstallationAuditEntry = typeof installationAudit.$inferSelect;

export type InstallationAuditAction =
  | 'installation_provisioned'
  | 'member_invited'
  | 'invitation_resent'
  | 'invitation_revoked'
  | 'member_joined'
  | 'member_changed'
  | 'member_removed'
  | 'member_left'
  | 'code_words_set'
  | 'company_word_revealed'
  | 'customer_word_checked'
  | 'code_word_guessing_locked'
  | 'code_word_lock_lifted'
  | 'contact_added'
  | 'contact_updated'
  | 'contact_removed'
  | 'contacts_reordered'
  | 'contract_recorded';

export interface InstallationAuditInput {
  installationId: string;
  /** Null when the company's systems made the change. */
  actorAccountId: string | null;
  action: InstallationAuditAction;
  targetAccountId?: string | null;
  at: Date;
  /** Never secrets: no code words, tokens or passwords. */
  details?: Record<string, unknown>;
}

/** Written in the transaction of the change it records, so neither exists without the other. */
export async function recordInstallationAudit(db: Executor, entry: InstallationAuditInput): Promise<void> {
  await db.insert(installationAudit).values({
    installationId: entry.installationId,
    actorAccountId: entry.actorAccountId,
    action: entry.action,
    targetAccountId: entry.targetAccountId ?? null,
    details: entry.details ?? {},
    at: entry.at,
  });
}

export async function listInstallationAudit(db: Executor, installationId: string, limit = 100): Promise<InstallationAuditEntry[]> {
  return db.select().from(installationAudit).where(eq(installationAudit.installationId, installationId)).orderBy(desc(installationAudit.at), desc(installationAudit.id)).limit(limit);
}
