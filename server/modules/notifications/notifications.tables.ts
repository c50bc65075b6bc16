import { bigint, bigserial, boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  status: text('status').$type<OutboxStatus>().notNull(),
  attempts: integer('attempts').notNull(),
  nextAttemptAt: ts('next_attempt_at').notNull(),
  lockedUntil: ts('locked_until'),
  lastError: text('last_error'),
  providerMessageId: text('provider_message_id'),
  createdAt: ts('created_at').notNull(),
  sentAt: ts('sent_at'),
  attemptStartedAt: ts('attempt_started_at'),
  sealedFallback: text('sealed_fallback'),
  fallbackOutboxId: bigint('fallback_outbox_id', { mode: 'number' }),
  reference: text('reference'),
  installationId: uuid('installation_id'),
});

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead' | 'fell_back';

export const smsDeliveries = pgTable('sms_deliveries', {
  outboxId: bigint('outbox_id', { mode: 'number' }).primaryKey(),
  accountId: uuid('account_id'),
  installationId: uuid('installation_id'),
  template: text('template').notNull(),
  provider: text('provider').notNull(),
  providerMessageId: text('provider_message_id'),
  segments: integer('segments').notNull(),
  costTenThousandths: integer('cost_ten_thousandths').notNull(),
  currency: text('currency').notNull(),
  costEstimated: boolean('cost_estimated').notNull(),
  sentAt: ts('sent_at').notNull(),
});

export const devMessages = pgTable('dev_messages', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  channel: text('channel').$type<'sms' | 'email'>().notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject'),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull(),
});
