import type { TokenScope } from './identity.tables.ts';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What an integration token may do (SPEC §3.13): `read` only reads, `read_write` may also change. */
export function tokenScopeAllows(scope: TokenScope, method: string): boolean {
  return scope === 'read_write' || READ_METHODS.has(method.toUpperCase());
}
