import type { Config } from '../../config/config.ts';
import type { Clock } from '../../core/clock.ts';
import type { ErrorCode } from '../../../contract/errors.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { Notifications } from '../notifications/index.ts';
import type { PasswordHasher } from './password-hasher.ts';
import type { Account, Session, TokenScope } from './identity.tables.ts';

export interface IdentityDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'auth' | 'secretKey' | 'publicUrl' | 'customerServicePhone' | 'encryption'>;
  hasher: PasswordHasher;
  notifications: Notifications;
  metrics?: { credentialChecked(kind: 'password' | 'code', ok: boolean): void };
  /** Filled by the modules built on identity (installations) to take part in closing an account. */
  accountClosure: AccountClosureHooks;
}

/**
 * How other modules take part in closing an account (SPEC §3.12) without identity knowing them.
 * Both run inside the closing transaction, guards first.
 */
export interface AccountClosureHooks {
  /** May refuse with a stable code, e.g. `owner_must_transfer`; null lets the closing go on. */
  guards: Array<(tx: Executor, accountId: string) => Promise<ErrorCode | null>>;
  /** Remove what the module holds for the account, e.g. memberships. */
  listeners: Array<(tx: Executor, accountId: string) => Promise<void>>;
}

/** Where a request comes from; recorded with security events, never used to authenticate. */
export interface RequestContext {
  ip: string;
  userAgent: string | null;
}

export type ClientKind = 'web' | 'app';

/** What a verified web cookie, app token or integration token resolves to. */
export interface Actor {
  account: Account;
  /** The signed-in session; null for a caller with an integration token. */
  session: Session | null;
  /** Set for integration-token callers (SPEC §3.13); the scope is enforced before any route runs. */
  integrationToken: { id: string; scope: TokenScope } | null;
}

/** A person signed in through the sign-in flow: the only kind that may manage the account. */
export interface SessionActor extends Actor {
  session: Session;
  integrationToken: null;
}

export interface IssuedSession {
  sessionId: string;
  /** Web: the cookie value. App: the access token. */
  token: string;
  refreshToken?: string;
  expiresInSeconds: number;
}
