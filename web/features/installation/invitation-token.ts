import { useState } from 'react';
import { useLinkToken } from '../../lib/link-token.ts';

/** Kept for this tab while the invitee signs in or registers, then comes back to /invitation. */
const storageKey = 'portvakt.invitation';

function read(): string | null {
  try {
    return sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function forgetInvitationToken(): void {
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing was kept.
  }
}

/**
 * The invitation link's token (after `#`, read and taken out of the address bar like every
 * link's), kept in session storage for the way back from signing in or registering.
 */
export function useInvitationToken(): string | null {
  const fromLink = useLinkToken();
  const [token] = useState(() => {
    if (!fromLink) return read();
    try {
      sessionStorage.setItem(storageKey, fromLink);
    } catch {
      // Still usable on this page; only the way back through sign-in loses it.
    }
    return fromLink;
  });
  return token;
}
