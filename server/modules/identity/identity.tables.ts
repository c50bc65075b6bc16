import { bigint, boolean, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  phone: text('phone'),
  phoneVerifiedAt: ts('phone_verified_at'),
  emailVerifiedAt: ts('email_verified_at'),
  language: text('language').$type<'sv' | 'en'>().notNull(),
  passwordHash: text('password_hash'),
  status: text('status').$type<'active' | 'pending_activation' | 'closed'>().notNull(),
  twoFactorEnabled: boolean('two_factor_enabled').notNull(),
  preferredSecondFactor: text('preferred_second_factor').$type<PreferredSecondFactor>().notNull().default('sms'),
  closedAt: ts('closed_at'),
  /** The last completed sign-in: such an address passes the global sign-in brake (ADR 51). */
  lastSignedInAt: ts('last_signed_in_at'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lockedUntil: ts('locked_until'),
  updatedAt: ts('updated_at').notNull(),
});

export const loginFlows = pgTable('login_flows', {
  idHash: text('id_hash').primaryKey(),
  accountId: uuid('account_id').notNull(),
  throttleKey: text('throttle_key').notNull(),
  client: text('client').$type<'web' | 'app'>().notNull(),
  channel: text('channel').$type<FlowChannel>().notNull(),
  codeHash: text('code_hash'),
  codeExpiresAt: ts('code_expires_at'),
  codesSent: integer('codes_sent').notNull(),
  lastSentAt: ts('last_sent_at'),
  expiresAt: ts('expires_at').notNull(),
  completedAt: ts('completed_at'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: ts('created_at').notNull(),
  /** Why the code went by e-mail rather than SMS, for the status the client polls. */
  fallbackReason: text('fallback_reason').$type<'sms_budget' | 'no_phone' | 'sms_failed'>(),
});

export const trustedDevices = pgTable('trusted_devices', {
  id: uuid('id').primaryKey(),
  accountId: uuid('account_id').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  label: text('label').notNull(),
  createdAt: ts('created_at').notNull(),
  lastUsedAt: ts('last_used_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
});

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey(),
  accountId: uuid('account_id').notNull(),
  client: text('client').$type<'web' | 'app'>().notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  tokenExpiresAt: ts('token_expires_at').notNull(),
  absoluteExpiresAt: ts('absolute_expires_at').notNull(),
  secondFactor: text('second_factor').$type<SecondFactor>().notNull(),
  stepUpAt: ts('step_up_at'),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  revokedAt: ts('revoked_at'),
});

export const refreshTokens = pgTable('refresh_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  sessionId: uuid('session_id').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

export const rateLimitWindows = pgTable(
  'rate_limit_windows',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    /** A window is counted over shards (rate-limit.rules.ts); its hits are the sum. */
    shard: smallint('shard').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart, t.shard] })],
);

export const accountLinks = pgTable('account_links', {
  tokenHash: text('token_hash').primaryKey(),
  accountId: uuid('account_id').notNull(),
  purpose: text('purpose').$type<LinkPurpose>().notNull(),
  payload: jsonb('payload').$type<Record<string, string>>().notNull(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

export const sessionChallenges = pgTable(
  'session_challenges',
  {
    sessionId: uuid('session_id').notNull(),
    purpose: text('purpose').$type<ChallengePurpose>().notNull(),
    channel: text('channel').$type<'sms' | 'email'>().notNull(),
    target: text('target'),
    codeHash: text('code_hash'),
    codeExpiresAt: ts('code_expires_at'),
    codesSent: integer('codes_sent').notNull(),
    lastSentAt: ts('last_sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.purpose] })],
);

export const integrationTokens = pgTable('integration_tokens', {
  id: uuid('id').primaryKey(),
  accountId: uuid('account_id').notNull(),
  name: text('name').notNull(),
  scope: text('scope').$type<TokenScope>().notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
});

export const totpCredentials = pgTable('totp_credentials', {
  id: uuid('id').primaryKey(),
  accountId: uuid('account_id').notNull(),
  sealedSecret: text('sealed_secret').notNull(),
  label: text('label').notNull(),
  createdAt: ts('created_at').notNull(),
  confirmedAt: ts('confirmed_at'),
  lastCounter: bigint('last_counter', { mode: 'number' }),
  lastUsedAt: ts('last_used_at'),
});

export const passkeys = pgTable('passkeys', {
  id: uuid('id').primaryKey(),
  accountId: uuid('account_id').notNull(),
  credentialId: text('credential_id').notNull().unique(),
  publicKey: text('public_key').notNull(),
  counter: bigint('counter', { mode: 'number' }).notNull(),
  transports: jsonb('transports').$type<string[]>().notNull(),
  label: text('label').notNull(),
  createdAt: ts('created_at').notNull(),
  lastUsedAt: ts('last_used_at'),
});

export const webauthnChallenges = pgTable('webauthn_challenges', {
  key: text('key').primaryKey(),
  challenge: text('challenge').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

export type PreferredSecondFactor = 'sms' | 'totp' | 'passkey';
export type LinkPurpose = 'activation' | 'verify_email' | 'password_reset' | 'email_change' | 'email_undo';
export type ChallengePurpose = 'step_up' | 'phone_change';
export type TokenScope = 'read' | 'read_write';
export type FlowChannel = 'sms' | 'email' | 'totp' | 'passkey';
/** How a session passed the second step; `password_only` where the account switched 2FA off. */
export type SecondFactor = 'sms' | 'email' | 'trusted_device' | 'totp' | 'passkey' | 'password_only';
export type Account = typeof accounts.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type LoginFlow = typeof loginFlows.$inferSelect;
export type AccountLink = typeof accountLinks.$inferSelect;
export type SessionChallenge = typeof sessionChallenges.$inferSelect;
export type IntegrationToken = typeof integrationTokens.$inferSelect;
export type TotpCredential = typeof totpCredentials.$inferSelect;
export type Passkey = typeof passkeys.$inferSelect;
