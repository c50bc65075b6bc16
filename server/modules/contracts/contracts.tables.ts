import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { contractServices } from '../../../contract/contracts.ts';

const day = (name: string) => date(name, { mode: 'string' });

export const contracts = pgTable('contracts', {
  installationId: uuid('installation_id').primaryKey(),
  contractNumber: text('contract_number').notNull().unique(),
  startDate: day('start_date').notNull(),
  bindingMonths: integer('binding_months').notNull(),
  services: jsonb('services').$type<Array<(typeof contractServices)[number]>>().notNull(),
  monthlyPriceOre: integer('monthly_price_ore').notNull(),
  terminationState: text('termination_state').$type<'none' | 'requested' | 'confirmed'>().notNull(),
  terminationRequestedOn: day('termination_requested_on'),
  terminationEndsOn: day('termination_ends_on'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const invoices = pgTable('invoices', {
  number: text('number').primaryKey(),
  installationId: uuid('installation_id').notNull(),
  issuedOn: day('issued_on').notNull(),
  dueOn: day('due_on').notNull(),
  amountOre: integer('amount_ore').notNull(),
  status: text('status').$type<'paid' | 'unpaid' | 'overdue'>().notNull(),
  /** The invoice document in the billing system (https), when it provides one. */
  documentUrl: text('document_url'),
});

export type Contract = typeof contracts.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
