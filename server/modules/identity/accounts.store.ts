import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/app-error.ts';
import type { Executor } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { preparedPerHandle } from '../../db/prepared.ts';
import { accounts, type Account } from './identity.tables.ts';
import { strongFactorColumns, type StrongFactors } from './second-factors.store.ts';

// Prepared: every sign-in step looks an account up.
const accountByEmail = preparedPerHandle((db) =>
  db
    .select()
    .from(accounts)
    .where(eq(accounts.email, sql.placeholder('email')))
    .limit(1)
    .prepare('find_account_by_email'),
);
const accountById = preparedPerHandle((db) =>
  db
    .select()
    .from(accounts)
    .where(eq(accounts.id, sql.placeholder('id')))
    .limit(1)
    .prepare('find_account_by_id'),
);

export async function findAccountByEmail(db: Executor, email: string): Promise<Account | undefined> {
  const [row] = await accountByEmail(db).execute({ email });
  return row;
}

/** What the password step needs of an account: the row and its second factors. */
export interface SignInAccount {
  account: Account;
  strongFactors: StrongFactors;
}

/** The columns of a `SignInAccount`, for a select from (or joined with) accounts. */
export const signInAccountColumns = { account: accounts, ...strongFactorColumns };

export function signInAccountOf(row: { account: Account | null; totp: boolean; passkey: boolean }): SignInAccount | undefined {
  return row.account ? { account: row.account, strongFactors: { totp: row.totp === true, passkey: row.passkey === true } } : undefined;
}

const signInAccountByEmail = preparedPerHandle((db) =>
  db
    .select(signInAccountColumns)
    .from(accounts)
    .where(eq(accounts.email, sql.placeholder('email')))
    .limit(1)
    .prepare('find_sign_in_account'),
);

/** The account of an e-mail address with whether it has an authenticator app and a passkey. */
export async function findSignInAccount(db: Executor, email: string): Promise<SignInAccount | undefined> {
  const [row] = await signInAccountByEmail(db).execute({ email });
  return row && signInAccountOf(row);
}

export async function findAccountById(db: Executor, id: string): Promise<Account | undefined> {
  const [row] = await accountById(db).execute({ id });
  return row;
}

/** Two requests may race for one address; the unique index decides and the loser hears `email_taken`. */
function emailTakenOnConflict(error: unknown): never {
  throw isUniqueViolation(error) ? new AppError('email_taken') : error;
}

export async function insertAccount(db: Executor, account: typeof accounts.$inferInsert): Promise<Account> {
  const [row] = await db.insert(accounts).values(account).returning().catch(emailTakenOnConflict);
  return row!;
}

export async function updatePasswordHash(db: Executor, id: string, passwordHash: string, now: Date): Promise<void> {
  await db.update(accounts).set({ passwordHash, updatedAt: now }).where(eq(accounts.id, id));
}

/** A completed sign-in: the address passes the global sign-in brake from now on (ADR 51). Not a change of the account. */
export async function markSignedIn(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(accounts).set({ lastSignedInAt: now }).where(eq(accounts.id, id));
}

type AccountChanges = Partial<
  Pick<Account, 'email' | 'emailVerifiedAt' | 'name' | 'phone' | 'phoneVerifiedAt' | 'language' | 'passwordHash' | 'status' | 'twoFactorEnabled' | 'preferredSecondFactor' | 'closedAt'>
>;

/** Apply a change and return the account as it is now. */
export async function updateAccount(db: Executor, id: string, changes: AccountChanges, now: Date): Promise<Account> {
  const [row] = await db
    .update(accounts)
    .set({ ...changes, updatedAt: now })
    .where(eq(accounts.id, id))
    .returning()
    .catch(emailTakenOnConflict);
  return row!;
}

/** Whether an e-mail address belongs to an account other than `exceptId`. */
export async function emailInUse(db: Executor, email: string, exceptId?: string): Promise<boolean> {
  const found = await findAccountByEmail(db, email);
  return !!found && found.id !== exceptId;
}
