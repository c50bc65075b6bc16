import type { EmailState } from './prefilled-email.ts';

/** What other pages may hand to the sign-in page through the router's location state. */
export interface SignInLocationState extends EmailState {
  /** Where to go after signing in. */
  from?: string;
  notice?: 'signed_out' | 'session_ended';
}
