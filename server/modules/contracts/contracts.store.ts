import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { contracts, invoices, type Contract, type Invoice } from './contracts.tables.ts';

export async function findContract(db: Executor, installationId: string): Promise<Contract | undefined> {
  const [row] = await db.select().from(contracts).where(eq(contracts.installationId, installationId)).limit(1);
  return row;
}

export async function listInvoices(db: Executor, installationId: string): Promise<Invoice[]> {
  return db.select().from(invoices).where(eq(invoices.installationId, installationId)).orderBy(desc(invoices.issuedOn));
}

/** The company's systems own this data: a new version replaces the stored one. */
export async function upsertContract(db: Executor, row: Contract): Promise<void> {
  const { installationId, ...rest } = row;
  await db.insert(contracts).values(row).onConflictDoUpdate({ target: contracts.installationId, set: rest });
}

export async function upsertInvoice(db: Executor, row: Invoice): Promise<void> {
  const { number, ...rest } = row;
  await db.insert(invoices).values(row).onConflictDoUpdate({ target: invoices.number, set: rest });
}
