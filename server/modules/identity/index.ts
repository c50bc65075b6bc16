import type { IdentityDeps } from './identity.types.ts';
import { createAccounts } from './accounts.service.ts';
import { createActivation } from './activation.service.ts';
import { createChallenges } from './challenges.service.ts';
import { createClosure } from './closure.service.ts';
import { createCodeDelivery } from './code-delivery.service.ts';
import { createContactDetails } from './contact-details.service.ts';
import { createDevices } from './devices.service.ts';
import { createIntegrationTokens } from './integration-tokens.service.ts';
import { createLinks } from './links.service.ts';
import { createLockout } from './lockout.service.ts';
import { createLogin } from './login.service.ts';
import { createNotices } from './notices.service.ts';
import { createPasskeys } from './passkeys.service.ts';
import { createPasswords } from './password.service.ts';
import { createSessions } from './sessions.service.ts';
import { createHousekeeping } from './housekeeping.service.ts';
import { createSignedOutLimits } from './signed-out-limits.service.ts';
import { createStepUp } from './step-up.service.ts';
import { createTwoFactor } from './two-factor.service.ts';
import { createUnverifiedSms } from './unverified-sms.service.ts';

export function createIdentity(deps: IdentityDeps) {
  const notices = createNotices(deps);
  const sessions = createSessions(deps);
  const lockout = createLockout(deps, notices);
  const codes = createCodeDelivery(deps);
  const links = createLinks(deps);
  const challenges = createChallenges(deps, lockout);
  const passkeys = createPasskeys(deps);
  const twoFactor = createTwoFactor(deps, notices, passkeys);
  const accounts = createAccounts(deps);
  const limits = createSignedOutLimits(deps);
  const login = createLogin(deps, { sessions, lockout, codes, notices, twoFactor, passkeys, limits });
  // A login code whose SMS failed went by e-mail: the flow records it so the client can say so.
  deps.notifications.onFallback('login', (tx, event) => login.codeFellBack(tx, event.reference));
  return {
    accounts,
    sessions,
    login,
    lockout,
    stepUp: createStepUp(deps, { lockout, challenges, codes, twoFactor, passkeys }),
    activation: createActivation(deps, { accounts, links, notices, codes, limits }),
    passwords: createPasswords(deps, { links, lockout, notices, limits }),
    contactDetails: createContactDetails(deps, { links, notices, challenges, codes, unverifiedSms: createUnverifiedSms(deps) }),
    devices: createDevices(deps),
    integrationTokens: createIntegrationTokens(deps, notices),
    twoFactor,
    passkeys,
    closure: createClosure(deps, notices),
    housekeeping: createHousekeeping(deps),
  };
}

export type Identity = ReturnType<typeof createIdentity>;
export type { Actor, SessionActor, RequestContext, IdentityDeps, ClientKind, AccountClosureHooks } from './identity.types.ts';
export type { Account, Session } from './identity.tables.ts';
export { createPasswordHasher, type PasswordHasher } from './password-hasher.ts';
export { checkPasswordPolicy, normalizePassword, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './password.rules.ts';
export { normalizeEmail, isPlausibleEmail } from './email.rules.ts';
export { findAccountById } from './accounts.store.ts';
export { normalizePhone } from './phone.rules.ts';
export { identityRoutes } from './identity.routes.ts';
export { tokenScopeAllows } from './token-scope.rules.ts';
