import { z } from 'zod';
import { errorCodes } from './errors.ts';

/** RFC 9457 problem details, as every error of the API is sent. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(errorCodes as [string, ...string[]]),
    retryAfterSeconds: z.number().int().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** The request's id in the server's log: quote it to customer service. */
    requestId: z.string().optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;
