import type { z } from 'zod';
import type { codeRequired } from '../../../contract/auth.ts';

export type CodeSent = z.infer<typeof codeRequired>;

/** Shown on the first step: after signing out, after the session ended, or when the code step ended in an error. */
export type StepNotice = { kind: 'signed_out' | 'session_ended' } | { kind: 'failure'; error: unknown };
