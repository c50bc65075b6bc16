import { useEffect, useState } from 'react';

/** `#token=…` as the e-mails write it, or a bare `#…`. */
function tokenIn(fragment: string): string | undefined {
  const value = new URLSearchParams(fragment).get('token') ?? (fragment.includes('=') ? '' : fragment);
  return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : undefined;
}

/**
 * The token of a link from an e-mail or SMS. Links carry it in the fragment, which browsers
 * never send to a server, so it stays out of access logs and Referer headers. It is read once
 * and then removed from the address bar, so it does not linger in the history.
 */
export function useLinkToken(): string | undefined {
  const [token] = useState(() => tokenIn(window.location.hash.slice(1)));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  return token;
}
