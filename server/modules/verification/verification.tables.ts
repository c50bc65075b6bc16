import { bigserial, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const smsSends = pgTable('sms_sends', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  accountId: uuid('account_id'),
  purpose: text('purpose').notNull(),
  costOre: integer('cost_ore').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const smsMonthlyUsage = pgTable('sms_monthly_usage', {
  month: text('month').primaryKey(),
  sent: integer('sent').notNull(),
});
