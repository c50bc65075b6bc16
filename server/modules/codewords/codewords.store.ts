import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { CHECK_MAX_TRIES, GUESS_LIMIT } from './codeword.rules.ts';
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
  change: {
    customerWordHash?: string;
    companyWordSealed?: string;
    companyWordKeyId?: string;
    wrongGuesses?: number;
    wrongGuessesSince?: Date | null;
    guessingLockedAt?: Date | null;
  },
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

/** Whether a guess window that started at `since` still counts at `windowStart`. */
const windowOpen = (windowStart: Date) => sql`${codeWords.wrongGuessesSince} > ${windowStart}`;

/**
 * Count a guess as wrong before the comparison, in one statement, so concurrent checks across
 * calls can never pass the installation's limit. False when guessing is locked or spent.
 */
export async function reserveGuess(db: Executor, installationId: string, now: Date, windowStart: Date): Promise<boolean> {
  const rows = await db
    .update(codeWords)
    .set({
      wrongGuesses: sql`CASE WHEN ${windowOpen(windowStart)} THEN ${codeWords.wrongGuesses} + 1 ELSE 1 END`,
      wrongGuessesSince: sql`CASE WHEN ${windowOpen(windowStart)} THEN ${codeWords.wrongGuessesSince} ELSE ${now}::timestamptz END`,
    })
    .where(
      and(
        eq(codeWords.installationId, installationId),
        isNull(codeWords.guessingLockedAt),
        sql`(${codeWords.wrongGuessesSince} IS NULL OR NOT ${windowOpen(windowStart)} OR ${codeWords.wrongGuesses} < ${GUESS_LIMIT})`,
      ),
    )
    .returning({ wrongGuesses: codeWords.wrongGuesses });
  return rows.length === 1;
}

/** A match was no wrong guess: take back what `reserveGuess` counted. */
export async function forgiveGuess(db: Executor, installationId: string): Promise<void> {
  await db
    .update(codeWords)
    .set({ wrongGuesses: sql`GREATEST(${codeWords.wrongGuesses} - 1, 0)` })
    .where(eq(codeWords.installationId, installationId));
}

/** Lock guessing once the limit is reached; true only for the statement that locked it, so the owner is told once. */
export async function lockGuessingIfSpent(db: Executor, installationId: string, now: Date, windowStart: Date): Promise<boolean> {
  const rows = await db
    .update(codeWords)
    .set({ guessingLockedAt: now })
    .where(and(eq(codeWords.installationId, installationId), isNull(codeWords.guessingLockedAt), windowOpen(windowStart), sql`${codeWords.wrongGuesses} >= ${GUESS_LIMIT}`))
    .returning({ installationId: codeWords.installationId });
  return rows.length === 1;
}
