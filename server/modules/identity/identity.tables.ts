import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  channel: text('channel').$type<'sms' | 'email'>().notNull(),
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
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export type SecondFactor = 'sms' | 'email' | 'trusted_device' | 'totp' | 'passkey';
export type Account = typeof accounts.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type LoginFlow = typeof loginFlows.$inferSelect;
