import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The month's SMS budget spent so far, over BUDGET_SHARDS rows (sms-budget.rules.ts). */
export const smsBudgetShards = pgTable(
  'sms_budget_shards',
  {
    month: text('month').notNull(),
    shard: integer('shard').notNull(),
    sent: integer('sent').notNull(),
  },
  (table) => [primaryKey({ columns: [table.month, table.shard] })],
);

/** The times of an account's SMS in the last 24 hours (older ones are dropped when it next gets one). */
export const smsAccountWindows = pgTable('sms_account_windows', {
  accountId: uuid('account_id').primaryKey(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).array().notNull(),
});

/** The month's SMS to numbers not yet verified: at most their share of the budget (ADR 52). */
export const smsUnverifiedMonths = pgTable('sms_unverified_months', {
  month: text('month').primaryKey(),
  sent: integer('sent').notNull(),
});
