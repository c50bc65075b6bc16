import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AccessWindow, PermissionLevel } from '../../../contract/installations.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const installations = pgTable('installations', {
  id: uuid('id').primaryKey(),
  number: text('number').notNull().unique(),
  alias: text('alias').notNull(),
  street: text('street').notNull(),
  postalCode: text('postal_code').notNull(),
  city: text('city').notNull(),
  timeZone: text('time_zone').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const installationMembers = pgTable(
  'installation_members',
  {
    installationId: uuid('installation_id').notNull(),
    accountId: uuid('account_id').notNull(),
    level: text('level').$type<PermissionLevel>().notNull(),
    accessWindow: jsonb('access_window').$type<AccessWindow>(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.accountId] })],
);

export const installationInvitations = pgTable('installation_invitations', {
  id: uuid('id').primaryKey(),
  installationId: uuid('installation_id').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  /** What the inviter typed; set while the invitation is open, erased when it closes (migration 0042). */
  phone: text('phone'),
  level: text('level').$type<Exclude<PermissionLevel, 'owner'>>().notNull(),
  accessWindow: jsonb('access_window').$type<AccessWindow>(),
  language: text('language').$type<'sv' | 'en'>().notNull(),
  invitedBy: uuid('invited_by'),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  consumedAt: ts('consumed_at'),
  acceptedBy: uuid('accepted_by'),
  revokedAt: ts('revoked_at'),
});

export type Installation = typeof installations.$inferSelect;
export type Member = typeof installationMembers.$inferSelect;
export type Invitation = typeof installationInvitations.$inferSelect;
