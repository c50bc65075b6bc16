import { useState } from 'react';
import type { SignInLocationState } from './sign-in-location.ts';
import { useLinkToken } from './link-token.ts';

/**
 * Kept in local storage while the invitee registers, confirms the address (in the tab the
 * confirmation e-mail opens) and signs in, then comes back to /invitation. See ADR 0040.
 */
export const invitationStorageKey = 'portvakt.invitation';

interface PendingInvitation {
  token: string;
  /** The invited address, known once the invitation has been looked at. */
  email?: string;
}

function read(): PendingInvitation | null {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(invitationStorageKey) ?? 'null');
    return kept && typeof kept === 'object' && 'token' in kept && typeof kept.token === 'string' ? (kept as PendingInvitation) : null;
  } catch {
    return null;
  }
}

function keep(pending: PendingInvitation): void {
  try {
    localStorage.setItem(invitationStorageKey, JSON.stringify(pending));
  } catch {
    // Still usable on this page; only the way back through sign-in loses it.
  }
}

export function forgetInvitationToken(): void {
  try {
    localStorage.removeItem(invitationStorageKey);
  } catch {
    // Nothing was kept.
  }
}

/** Remembers the invited address with the token, so sign-in reached later can fill it in. */
export function rememberInvitedEmail(token: string, email: string): void {
  if (read()?.token === token) keep({ token, email });
}

/** Where signing in should lead while an invitation waits: back to it, with its address filled in. */
export function signInToPendingInvitation(): SignInLocationState | undefined {
  const pending = read();
  return pending ? { from: '/invitation', email: pending.email } : undefined;
}

/**
 * The invitation link's token (after `#`, read and taken out of the address bar like every
 * link's), kept for the way back from signing in or registering.
 */
export function useInvitationToken(): string | null {
  const fromLink = useLinkToken();
  const [token] = useState(() => {
    if (!fromLink) return read()?.token ?? null;
    keep({ token: fromLink });
    return fromLink;
  });
  return token;
}
