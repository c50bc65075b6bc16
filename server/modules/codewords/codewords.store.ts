import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { CHECK_MAX_TRIES } from './codeword.rules.ts';
import { codeWordChecks, codeWords, type CodeWordCheck, type CodeWords } from './codewords.tables.ts';

/** Serialise changes to one installation's words, so the "must differ" check sees the latest other word. */
export async function lockCodeWords(tx: Executor, installationId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`code_words:${installationId}`}))`);
}

export async function findCodeWords(db: Executor, installationId: string): Promise<CodeWords | undefined> {
  const [row] = await db.select().from(codeWords).where(eq(codeWords.installationId, installationId)).limit(1);
  return row;
}

/** Write the given words; a word left out keeps its stored value. */
export async function saveCodeWords(
  db: Executor,
  installationId: string,
  change: { customerWordHash?: string; companyWordSealed?: string; companyWordKeyId?: string },
  by: string | null,
  now: Date,
): Promise<void> {
  // Only the words given: an absent key must not overwrite the stored word with null.
  const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  const set = { ...given, updatedAt: now, updatedBy: by };
  await db
    .insert(codeWords)
    .values({ installationId, ...set })
    .onConflictDoUpdate({ target: codeWords.installationId, set });
}

export async function insertCheck(db: Executor, check: typeof codeWordChecks.$inferInsert): Promise<void> {
  await db.insert(codeWordChecks).values(check);
}

/**
 * Spend one try before any comparison: a single statement, so concurrent tries can never
 * exceed the limit. Returns the number of tries used, or undefined when none is left.
 */
export async function spendCheckTry(db: Executor, installationId: string, checkId: string, now: Date): Promise<number | undefined> {
  const [row] = await db
    .update(codeWordChecks)
    .set({ attempts: sql`${codeWordChecks.attempts} + 1` })
    .where(
      and(
        eq(codeWordChecks.id, checkId),
        eq(codeWordChecks.installationId, installationId),
        lt(codeWordChecks.attempts, CHECK_MAX_TRIES),
        isNull(codeWordChecks.matchedAt),
        gt(codeWordChecks.expiresAt, now),
      ),
    )
    .returning({ attempts: codeWordChecks.attempts });
  return row?.attempts;
}

export async function findCheck(db: Executor, installationId: string, checkId: string): Promise<CodeWordCheck | undefined> {
  const [row] = await db
    .select()
    .from(codeWordChecks)
    .where(and(eq(codeWordChecks.id, checkId), eq(codeWordChecks.installationId, installationId)))
    .limit(1);
  return row;
}

export async function markCheckMatched(db: Executor, checkId: string, now: Date): Promise<void> {
  await db.update(codeWordChecks).set({ matchedAt: now }).where(eq(codeWordChecks.id, checkId));
}
