export type FailureAction = 'fall_back' | 'dead' | 'retry';

/**
 * What to do with a message the provider did not take. A one-time code with an e-mail
 * fallback goes by e-mail at once, whatever the failure: it expires long before a retry
 * schedule would help. Otherwise permanent failures and the last attempt end in the dead
 * letters, and the rest wait for the next attempt.
 */
export function decideFailure(failure: { hasFallback: boolean; permanent: boolean; attempts: number; maxAttempts: number }): FailureAction {
  if (failure.hasFallback) return 'fall_back';
  if (failure.permanent || failure.attempts >= failure.maxAttempts) return 'dead';
  return 'retry';
}
