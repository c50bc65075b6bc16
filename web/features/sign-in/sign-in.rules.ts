import { failureCode } from '../../lib/error-text.ts';
import type { CodeSent } from './sign-in.types.ts';

/** These end the sign-in: only a new password attempt can go on. */
export const endsSignIn = (error: unknown) => ['flow_expired', 'account_locked'].includes(failureCode(error));

export type SecondStepKind = 'code' | 'totp' | 'passkey';

/** SMS and e-mail codes are one step that only differs in where the code went. */
export function stepKind(channel: CodeSent['channel']): SecondStepKind {
  return channel === 'sms' || channel === 'email' ? 'code' : channel;
}
