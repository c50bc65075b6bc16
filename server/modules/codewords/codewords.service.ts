import type { z } from 'zod';
import type { codeWordAttemptResult, codeWordCheck, codeWordStatus, setCodeWordsRequest } from '../../../contract/codewords.ts';
import { AppError } from '../../core/app-error.ts';
import { addSeconds, type Clock } from '../../core/clock.ts';
import { decrypt, encrypt, keyIdOf, type KeyRing } from '../../core/crypto-box.ts';
import { newId } from '../../core/tokens.ts';
import type { Db } from '../../db/database.ts';
import { recordInstallationAudit } from '../audit/index.ts';
import type { Account, PasswordHasher } from '../identity/index.ts';
import type { Installation, Installations } from '../installations/index.ts';
import { CHECK_MAX_TRIES, CHECK_TTL_SECONDS, codeWordKey, codeWordProblem, GUESS_WINDOW_HOURS, tooSimilar } from './codeword.rules.ts';
import { findCheck, findCodeWords, forgiveGuess, insertCheck, lockCodeWords, lockGuessingIfSpent, markCheckMatched, reserveGuess, saveCodeWords, spendCheckTry } from './codewords.store.ts';

export interface CodeWordsDeps {
  db: Db;
  clock: Clock;
  keyRing: KeyRing;
  /** argon2id, the same settings as passwords: the customer's word is a low-entropy secret too. */
  hasher: PasswordHasher;
  installations: Installations;
}

/** Whoever checks a word or lifts a lock: an alarm-centre operator or customer-service agent. */
type Checker = Pick<Account, 'id'>;

/** The customer's and the company's code words (SPEC §5.1). */
export function createCodeWords(deps: CodeWordsDeps) {
  const { db, clock, keyRing, hasher } = deps;

  /** The words may be neither the setter's password nor a word that fails the rules; a refusal names the word's field. */
  async function checkWord(word: string, by: Account, field: 'customerWord' | 'companyWord'): Promise<void> {
    const problem = codeWordProblem(word);
    if (problem) throw new AppError(problem, { field });
    if (await hasher.verify(by.passwordHash, word)) throw new AppError('code_word_equals_password', { field });
  }

  const guessWindowStart = (now: Date) => addSeconds(now, -GUESS_WINDOW_HOURS * 3600);
  /** A new customer word starts its guess count afresh and lifts a lock. */
  const freshGuesses = { wrongGuesses: 0, wrongGuessesSince: null, guessingLockedAt: null };

  return {
    async status(installationId: string): Promise<z.infer<typeof codeWordStatus>> {
      const words = await findCodeWords(db, installationId);
      return {
        customerWordSet: Boolean(words?.customerWordHash),
        companyWordSet: Boolean(words?.companyWordSealed),
        customerWordLocked: Boolean(words?.guessingLockedAt),
        updatedAt: words?.updatedAt.toISOString() ?? null,
      };
    },

    async set(installation: Installation, by: Account, input: z.infer<typeof setCodeWordsRequest>): Promise<void> {
      const { customerWord, companyWord } = input;
      if (customerWord !== undefined) await checkWord(customerWord, by, 'customerWord');
      if (companyWord !== undefined) await checkWord(companyWord, by, 'companyWord');
      if (customerWord !== undefined && companyWord !== undefined && tooSimilar(customerWord, companyWord)) throw new AppError('code_words_too_similar');
      const customerWordHash = customerWord === undefined ? undefined : await hasher.hash(codeWordKey(customerWord));
      const customerChange = customerWordHash === undefined ? {} : { customerWordHash, ...freshGuesses };
      const companyWordSealed = companyWord === undefined ? undefined : encrypt(keyRing, companyWord.trim());
      const now = clock.now();
      await db.transaction(async (tx) => {
        await lockCodeWords(tx, installation.id);
        const stored = await findCodeWords(tx, installation.id);
        // Compare with the word that stays: the company's in clear, the customer's through its hash.
        if (customerWord !== undefined && companyWord === undefined && stored?.companyWordSealed) {
          if (tooSimilar(customerWord, decrypt(keyRing, stored.companyWordSealed))) throw new AppError('code_words_too_similar');
        }
        if (companyWord !== undefined && customerWord === undefined && stored?.customerWordHash) {
          if (await hasher.verify(stored.customerWordHash, codeWordKey(companyWord))) throw new AppError('code_words_too_similar');
        }
        const which = customerWord !== undefined && companyWord !== undefined ? 'both' : customerWord !== undefined ? 'customer' : 'company';
        await saveCodeWords(tx, installation.id, companyWordSealed ? { ...customerChange, companyWordSealed, companyWordKeyId: keyIdOf(companyWordSealed) } : customerChange, by.id, now);
        await recordInstallationAudit(tx, { installationId: installation.id, actorAccountId: by.id, action: 'code_words_set', at: now, details: { which } });
        await deps.installations.service.notifyOwner(tx, installation, 'code_words_changed', { byName: by.name, which });
      });
    },

    /** Shown after step-up and recorded; a word sealed with a retired key is re-sealed with the current one. */
    async revealCompanyWord(installation: Installation, by: Account): Promise<string> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const sealed = (await findCodeWords(tx, installation.id))?.companyWordSealed;
        if (!sealed) throw new AppError('code_word_not_set');
        const word = decrypt(keyRing, sealed);
        if (keyIdOf(sealed) !== keyRing.currentKeyId) {
          const resealed = encrypt(keyRing, word);
          await saveCodeWords(tx, installation.id, { companyWordSealed: resealed, companyWordKeyId: keyIdOf(resealed) }, null, now);
        }
        await recordInstallationAudit(tx, { installationId: installation.id, actorAccountId: by.id, action: 'company_word_revealed', at: now });
        return word;
      });
    },

    /**
     * Start one call's check of the customer's word. Only the alarm centre and customer service
     * check words (SPEC §5.1): their consoles call this, never a customer session or token.
     */
    async startCheck(installation: Installation, by: Checker): Promise<z.infer<typeof codeWordCheck>> {
      const words = await findCodeWords(db, installation.id);
      if (!words?.customerWordHash) throw new AppError('code_word_not_set');
      if (words.guessingLockedAt) throw new AppError('code_word_locked');
      const now = clock.now();
      const check = { id: newId(), installationId: installation.id, startedBy: by.id, attempts: 0, createdAt: now, expiresAt: addSeconds(now, CHECK_TTL_SECONDS) };
      await insertCheck(db, check);
      return { checkId: check.id, triesLeft: CHECK_MAX_TRIES, expiresAt: check.expiresAt.toISOString() };
    },

    /**
     * Match or no match, never the word. The call's try and the installation's guess are spent
     * before the comparison; the guess that reaches the limit locks guessing and tells the owner.
     */
    async attempt(installation: Installation, checkId: string, word: string, by: Checker): Promise<z.infer<typeof codeWordAttemptResult>> {
      const installationId = installation.id;
      const now = clock.now();
      const used = await spendCheckTry(db, installationId, checkId, now);
      if (used === undefined) {
        const check = await findCheck(db, installationId, checkId);
        if (!check) throw new AppError('not_found');
        throw new AppError(check.matchedAt || check.expiresAt <= now ? 'code_word_check_expired' : 'code_word_tries_exhausted');
      }
      if (!(await reserveGuess(db, installationId, now, guessWindowStart(now)))) throw new AppError('code_word_locked');
      const hash = (await findCodeWords(db, installationId))?.customerWordHash ?? null;
      const match = await hasher.verify(hash, codeWordKey(word));
      await db.transaction(async (tx) => {
        if (match) {
          await markCheckMatched(tx, checkId, now);
          await forgiveGuess(tx, installationId);
        } else if (await lockGuessingIfSpent(tx, installationId, now, guessWindowStart(now))) {
          await recordInstallationAudit(tx, { installationId, actorAccountId: by.id, action: 'code_word_guessing_locked', at: now });
          await deps.installations.service.notifyOwner(tx, installation, 'code_word_locked', {});
        }
        await recordInstallationAudit(tx, { installationId, actorAccountId: by.id, action: 'customer_word_checked', at: now, details: { checkId, try: used, match } });
      });
      return { match, triesLeft: match ? 0 : CHECK_MAX_TRIES - used };
    },

    /** Staff lift a guessing lock after they have verified the caller another way. */
    async liftGuessingLock(installation: Installation, by: Checker): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        await lockCodeWords(tx, installation.id);
        if (!(await findCodeWords(tx, installation.id))?.guessingLockedAt) return;
        await saveCodeWords(tx, installation.id, freshGuesses, by.id, now);
        await recordInstallationAudit(tx, { installationId: installation.id, actorAccountId: by.id, action: 'code_word_lock_lifted', at: now });
      });
    },
  };
}

export type CodeWordsService = ReturnType<typeof createCodeWords>;
