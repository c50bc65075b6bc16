import { useEffect, useState } from 'react';

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
 * The invitation link's token: it comes after `#` (so it never reaches a server log), is kept
 * in session storage for the way back from signing in, and is taken out of the address bar.
 */
export function useInvitationToken(): string | null {
  const [token] = useState(() => {
    // The link is /invitation#<token>; the "token=" form of the portal's other links works too.
    const fromLink = window.location.hash.slice(1).replace(/^token=/, '');
    if (!fromLink) return read();
    try {
      sessionStorage.setItem(storageKey, fromLink);
    } catch {
      // Still usable on this page; only the way back through sign-in loses it.
    }
    return fromLink;
  });
  useEffect(() => {
    if (window.location.hash) history.replaceState(history.state, '', window.location.pathname);
  }, []);
  return token;
}
