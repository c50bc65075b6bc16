import { QueryClient } from '@tanstack/react-query';
import { ApiError, setSessionLostHandler } from '../lib/http.ts';
import { meQueryKey } from '../lib/queries.ts';

/** Retry only what may heal by itself: lost connections and server errors, twice. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const transient = error instanceof ApiError && (error.code === 'network' || error.status >= 500);
  return transient && failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: shouldRetry }, mutations: { retry: false } } });
  // A call that finds the session gone (idle timeout, signed out elsewhere) drops the account,
  // and the signed-in shell then sends the user to the sign-in page.
  setSessionLostHandler(() => client.setQueryData(meQueryKey, null));
  return client;
}
