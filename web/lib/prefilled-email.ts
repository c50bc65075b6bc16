import { useLocation } from 'react-router';

/** What a link to the sign-in or forgot-password page may carry, so the address need not be typed again. */
export interface EmailState {
  email?: string;
}

/** The address the link to this page brought along, or '' when it came without one. */
export function usePrefilledEmail(): string {
  const email = (useLocation().state as EmailState | null)?.email;
  return typeof email === 'string' ? email : '';
}
