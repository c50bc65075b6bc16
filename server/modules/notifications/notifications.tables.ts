import { bigserial, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  channel: text('channel').$type<'sms' | 'email'>().notNull(),
  recipient: text('recipient').notNull(),
  template: text('template').notNull(),
  language: text('language').notNull(),
  sealedContent: text('sealed_content').notNull(),
  accountId: uuid('account_id'),
  idempotencyKey: text('idempotency_key').notNull(),
  status: text('status').$type<'pending' | 'sending' | 'sent' | 'dead'>().notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: ts('next_attempt_at').notNull(),
  lockedUntil: ts('locked_until'),
  lastError: text('last_error'),
  providerMessageId: text('provider_message_id'),
  createdAt: ts('created_at').notNull(),
  sentAt: ts('sent_at'),
});

export const devMessages = pgTable('dev_messages', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  channel: text('channel').$type<'sms' | 'email'>().notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject'),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull(),
});
