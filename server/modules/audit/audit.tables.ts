import { bigserial, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const securityEvents = pgTable('security_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  accountId: uuid('account_id'),
  kind: text('kind').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
});

export const installationAudit = pgTable('installation_audit', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  installationId: uuid('installation_id').notNull(),
  actorAccountId: uuid('actor_account_id'),
  action: text('action').notNull(),
  targetAccountId: uuid('target_account_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
});
