import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { signInApi } from './sign-in.api.ts';
import type { CodeSent } from './sign-in.types.ts';

const POLL_MS = 5_000;

/**
 * While the user waits for an SMS code, ask the server where the code is: when the SMS could
 * not be delivered the server sends the code by e-mail, and the page says so at once.
 * `sentAt` tells codes apart (0 for the one sent with the password).
 */
export function useSmsFallback(sent: CodeSent, sentAt: number, onFellBack: (update: Partial<CodeSent>) => void): void {
  const status = useQuery({
    // One query per code sent, so an old code's fallback never moves a newer SMS code.
    queryKey: ['sign-in-status', sent.flowId, sentAt],
    queryFn: () => signInApi.status(sent.flowId),
    enabled: sent.channel === 'sms',
    refetchInterval: POLL_MS,
    retry: false,
    // Polling is a courtesy; a failure here shows when the user sends the code.
    throwOnError: false,
  });
  const moved = status.data?.channel === 'email' && status.data.fallbackReason === 'sms_failed';
  useEffect(() => {
    if (moved && sent.channel === 'sms') onFellBack(status.data!);
  }, [moved, sent.channel, status.data, onFellBack]);
}
