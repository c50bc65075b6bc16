import type { ErrorCode } from '../../contract/errors.ts';

/** A failure the API reports to the caller: a stable code, never prose. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: {
      retryAfterSeconds?: number;
      /** Extra machine-readable members of the problem document. */
      extra?: Record<string, unknown>;
      /** The request-body field the refusal is about, so a client can show it at that field. */
      field?: string;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}
