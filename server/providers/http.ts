import { DeliveryError } from './provider.types.ts';
import { isPermanentHttpFailure, mayHaveArrived } from './http-status.rules.ts';

export interface HttpTarget {
  provider: string;
  username: string;
  password: string;
  timeoutMs: number;
}

/**
 * One call to a provider's HTTP API with Basic auth and a deadline; every failure becomes a
 * DeliveryError saying whether it is permanent and whether the provider may have acted on it.
 * Error texts carry the status and the provider's short reason, never the request.
 */
export async function callProvider(target: HttpTarget, url: string, init: { method: 'GET' | 'POST'; form?: Record<string, string> }): Promise<unknown> {
  const headers: Record<string, string> = {
    authorization: `Basic ${Buffer.from(`${target.username}:${target.password}`).toString('base64')}`,
    accept: 'application/json',
  };
  if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      signal: AbortSignal.timeout(target.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const code = (error as { cause?: { code?: string } }).cause?.code;
    const uncertain = init.method === 'POST' && (timedOut || mayHaveArrived(code));
    throw new DeliveryError(`${target.provider}: ${timedOut ? `no answer within ${target.timeoutMs} ms` : `request failed (${code ?? 'network'})`}`, false, uncertain);
  }
  const body = await response.text().catch(() => '');
  if (!response.ok) {
    const reason = body.replace(/\s+/g, ' ').slice(0, 200);
    throw new DeliveryError(`${target.provider} answered ${response.status}: ${reason}`, isPermanentHttpFailure(response.status));
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    // Accepted (2xx) but unreadable: the message may be on its way, so do not send it blindly again.
    throw new DeliveryError(`${target.provider} answered ${response.status} with a body that is not JSON`, false, init.method === 'POST');
  }
}
