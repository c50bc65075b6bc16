import { z } from 'zod';

const word = z.string().max(200);

/** Either word or both; each must pass the rules of SPEC §5.1. */
export const setCodeWordsRequest = z
  .object({ customerWord: word.optional(), companyWord: word.optional() })
  .refine((b) => b.customerWord !== undefined || b.companyWord !== undefined, { message: 'nothing to change' });

/** Whether each word is set; the words themselves are never listed. */
export const codeWordStatus = z.object({
  customerWordSet: z.boolean(),
  companyWordSet: z.boolean(),
  /** Too many wrong guesses: checks stop until a new customer word is set or staff lift the lock. */
  customerWordLocked: z.boolean(),
  updatedAt: z.string().nullable(),
});

export const revealedCompanyWord = z.object({ companyWord: z.string() });

export const codeWordCheckParams = z.object({ installationId: z.uuid(), checkId: z.uuid() });

/** One call to the alarm centre: a few tries to say the customer's word. */
export const codeWordCheck = z.object({ checkId: z.string(), triesLeft: z.number().int(), expiresAt: z.string() });
export const codeWordAttemptRequest = z.object({ word });
export const codeWordAttemptResult = z.object({ match: z.boolean(), triesLeft: z.number().int() });
