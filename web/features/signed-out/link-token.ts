import { useState } from 'react';

/**
 * The token of a link from an e-mail or SMS. Links carry it in the fragment (`#token=…`), which
 * browsers never send to a server, so it stays out of access logs and Referer headers. It is
 * read once and then removed from the address bar, so it does not linger in the history.
 */
export function useLinkToken(): string | undefined {
  const [token] = useState(() => {
    const fragment = window.location.hash.slice(1);
    const value = new URLSearchParams(fragment).get('token') ?? (fragment.includes('=') ? '' : fragment);
    if (fragment) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return value && /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : undefined;
  });
  return token;
}
