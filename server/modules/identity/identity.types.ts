import type { Config } from '../../config/config.ts';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/database.ts';
import type { Notifications } from '../notifications/index.ts';
import type { PasswordHasher } from './password-hasher.ts';
import type { Account, Session } from './identity.tables.ts';

export interface IdentityDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'auth' | 'secretKey' | 'publicUrl' | 'customerServicePhone'>;
  hasher: PasswordHasher;
  notifications: Notifications;
  metrics?: { credentialChecked(kind: 'password' | 'code', ok: boolean): void };
}

/** Where a request comes from; recorded with security events, never used to authenticate. */
export interface RequestContext {
  ip: string;
  userAgent: string | null;
}

export type ClientKind = 'web' | 'app';

/** What a verified web or app credential resolves to. */
export interface Actor {
  account: Account;
  session: Session;
}

export interface IssuedSession {
  sessionId: string;
  /** Web: the cookie value. App: the access token. */
  token: string;
  refreshToken?: string;
  expiresInSeconds: number;
}
