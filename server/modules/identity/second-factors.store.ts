import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { preparedPerHandle } from '../../db/prepared.ts';
import { accounts } from './identity.tables.ts';

export interface StrongFactors {
  totp: boolean;
  passkey: boolean;
}

/**
 * Whether the account of the `accounts` row in the query has a confirmed authenticator app and a
 * passkey: columns for any select from accounts. Spelled out, because drizzle leaves columns
 * unqualified here and "id" would then mean the inner table's.
 */
export const strongFactorColumns = {
  totp: sql<boolean>`exists (select 1 from totp_credentials t where t.account_id = accounts.id and t.confirmed_at is not null)`,
  passkey: sql<boolean>`exists (select 1 from passkeys p where p.account_id = accounts.id)`,
};

// Prepared: asked on every sign-in step after the first.
const strongFactors = preparedPerHandle((db) =>
  db
    .select(strongFactorColumns)
    .from(accounts)
    .where(eq(accounts.id, sql.placeholder('accountId')))
    .prepare('strong_factors_of'),
);

/** Whether the account has a confirmed authenticator app and a passkey, in one round trip. */
export async function strongFactorsOf(db: Executor, accountId: string): Promise<StrongFactors> {
  const [row] = await strongFactors(db).execute({ accountId });
  return { totp: row?.totp === true, passkey: row?.passkey === true };
}
