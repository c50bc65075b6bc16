import type { Executor } from '../../db/database.ts';
import type { TemplateName } from '../notifications/index.ts';
import type { Account } from './identity.tables.ts';
import type { IdentityDeps } from './identity.types.ts';

/** E-mails to the account holder; every one carries the name, portal address and support phone. */
export function createNotices(deps: IdentityDeps) {
  const common = { portalUrl: deps.config.publicUrl, supportPhone: deps.config.customerServicePhone };
  return {
    /** Queue in the caller's transaction, to the account's address unless `to` says otherwise. */
    async email(
      tx: Executor,
      account: Pick<Account, 'id' | 'email' | 'name' | 'language'>,
      template: TemplateName,
      vars: Record<string, string | number> = {},
      to = account.email,
    ): Promise<void> {
      await deps.notifications.enqueue(tx, {
        channel: 'email',
        to,
        language: account.language,
        template,
        accountId: account.id,
        vars: { name: account.name, ...common, ...vars },
      });
    },

    /** A link into the portal; the token travels in the fragment so it never reaches server logs. */
    link(page: string, token: string): string {
      return `${deps.config.publicUrl}/${page}#token=${token}`;
    },

    /** A moment for a message: the template shows it in Swedish time in the message's language. */
    when: (at: Date) => at.toISOString(),
  };
}

export type Notices = ReturnType<typeof createNotices>;
