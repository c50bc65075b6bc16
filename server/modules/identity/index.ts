import type { IdentityDeps } from './identity.types.ts';
import { createAccounts } from './accounts.service.ts';
import { createLogin } from './login.service.ts';
import { createSessions } from './sessions.service.ts';
import { createHousekeeping } from './housekeeping.service.ts';

export function createIdentity(deps: IdentityDeps) {
  const sessions = createSessions(deps);
  const login = createLogin(deps, sessions);
  deps.notifications.onFallback('login', (tx, event) => login.codeFellBack(tx, event.reference));
  return { accounts: createAccounts(deps), sessions, login, housekeeping: createHousekeeping(deps) };
}

export type Identity = ReturnType<typeof createIdentity>;
export type { Actor, RequestContext, IdentityDeps, ClientKind } from './identity.types.ts';
export type { Account, Session } from './identity.tables.ts';
export { createPasswordHasher, type PasswordHasher } from './password-hasher.ts';
export { checkPasswordPolicy, normalizePassword, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './password.rules.ts';
export { normalizeEmail, isPlausibleEmail } from './email.rules.ts';
export { findAccountById } from './accounts.store.ts';
export { normalizePhone } from './phone.rules.ts';
export { identityRoutes } from './identity.routes.ts';
