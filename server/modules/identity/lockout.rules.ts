/**
 * Lockout (SPEC §3.7). Every attempt first reserves its place in the consecutive-failure
 * count in one SQL statement; these rules decide from that number alone.
 *
 * With maxFailures = 3: attempts 1–3 are evaluated and may fail with 401; attempt 4 is
 * evaluated and, if it fails, sets the lock (answering 423); an attempt numbered 5 or more
 * only exists when requests raced past the 4th, and is refused without being evaluated.
 */
export type AttemptDecision = 'evaluate' | 'refuse_locked';

export function decideAttempt(reservedNumber: number, maxFailures: number): AttemptDecision {
  return reservedNumber <= maxFailures + 1 ? 'evaluate' : 'refuse_locked';
}

/** After an evaluated attempt failed: does this failure lock the account? */
export function failureLocks(reservedNumber: number, maxFailures: number): boolean {
  return reservedNumber > maxFailures;
}
