import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const codeWords = pgTable('code_words', {
  installationId: uuid('installation_id').primaryKey(),
  customerWordHash: text('customer_word_hash'),
  companyWordSealed: text('company_word_sealed'),
  companyWordKeyId: text('company_word_key_id'),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
  /** Wrong guesses since `wrongGuessesSince`; a guess counts before the comparison and a match takes it back. */
  wrongGuesses: integer('wrong_guesses').notNull().default(0),
  wrongGuessesSince: ts('wrong_guesses_since'),
  guessingLockedAt: ts('guessing_locked_at'),
});

export const codeWordChecks = pgTable('code_word_checks', {
  id: uuid('id').primaryKey(),
  installationId: uuid('installation_id').notNull(),
  startedBy: uuid('started_by'),
  attempts: integer('attempts').notNull(),
  matchedAt: ts('matched_at'),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

export type CodeWords = typeof codeWords.$inferSelect;
export type CodeWordCheck = typeof codeWordChecks.$inferSelect;
