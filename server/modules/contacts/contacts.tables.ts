import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const contactPersons = pgTable('contact_persons', {
  id: uuid('id').primaryKey(),
  installationId: uuid('installation_id').notNull(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  phones: jsonb('phones').$type<string[]>().notNull(),
  relation: text('relation').notNull(),
  keyHolder: boolean('key_holder').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export type ContactPerson = typeof contactPersons.$inferSelect;
