/**
 * How an HTTP API's refusal is treated. Rate limits, server errors and the account-level
 * problems an operator fixes (credentials 401, credit 402) are retried; any other 4xx says
 * this message can never be sent as it is (bad number, refused content).
 */
export function isPermanentHttpFailure(status: number): boolean {
  if (status < 400 || status >= 500) return false;
  return ![401, 402, 408, 409, 425, 429].includes(status);
}

/** Network errors that prove the request never reached the provider. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether a request that failed without an answer may still have been accepted. */
export function mayHaveArrived(errorCode: string | undefined): boolean {
  return !errorCode || !NOT_SENT.has(errorCode);
}
