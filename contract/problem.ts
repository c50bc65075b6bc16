import { z } from 'zod';
import { errorCodes } from './errors.ts';

/**
 * What is wrong with one field when the request's shape is refused before any rule runs; a
 * refusal by a rule names its own error code instead (e.g. `code_word_too_short`).
 */
export const fieldIssueCodes = ['required', 'too_short', 'too_long', 'too_few_items', 'too_many_items', 'invalid'] as const;
export type FieldIssueCode = (typeof fieldIssueCodes)[number];

/** One field that failed: `path` is where (`body.customerWord`, `body.phones.0`), `code` what. */
export const problemIssueSchema = z.object({
  path: z.string(),
  code: z.enum([...errorCodes, ...fieldIssueCodes] as unknown as [string, ...string[]]),
  message: z.string(),
});

/** RFC 9457 problem details, as every error of the API is sent. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(errorCodes as [string, ...string[]]),
    retryAfterSeconds: z.number().int().optional(),
    issues: z.array(problemIssueSchema).optional(),
    /** The request's id in the server's log: quote it to customer service. */
    requestId: z.string().optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;
