import type { z } from 'zod';
import type { contractInfo } from '../../../contract/contracts.ts';
import { AppError } from '../../core/app-error.ts';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/database.ts';
import { recordInstallationAudit } from '../audit/index.ts';
import { bindingEndsOn, invoiceDocumentUrl } from './contracts.rules.ts';
import { findContract, listInvoices, upsertContract, upsertInvoice } from './contracts.store.ts';
import type { Contract, Invoice } from './contracts.tables.ts';

export interface ContractsDeps {
  db: Db;
  clock: Clock;
}

type ContractInfo = z.infer<typeof contractInfo>;
/** An invoice as the billing system reports it; one without a document may leave the link out. */
type InvoiceRecord = Omit<Invoice, 'installationId' | 'documentUrl'> & { documentUrl?: string | null };
export type ContractRecord = Omit<Contract, 'updatedAt'> & { invoices: InvoiceRecord[] };

/** A document link the portal could not safely open refuses the whole report, before anything is stored. */
function documentUrlOf(invoice: InvoiceRecord): string | null {
  if (invoice.documentUrl == null) return null;
  const url = invoiceDocumentUrl(invoice.documentUrl);
  if (!url) throw new AppError('validation_failed', { extra: { field: 'documentUrl', invoice: invoice.number } });
  return url;
}

/** Account and contract information (SPEC §6): read here, written by the company's systems. */
export function createContracts(deps: ContractsDeps) {
  return {
    async get(installationId: string): Promise<ContractInfo> {
      const contract = await findContract(deps.db, installationId);
      if (!contract) throw new AppError('not_found');
      const invoices = await listInvoices(deps.db, installationId);
      return {
        contractNumber: contract.contractNumber,
        startDate: contract.startDate,
        bindingMonths: contract.bindingMonths,
        bindingEndsOn: bindingEndsOn(contract.startDate, contract.bindingMonths),
        services: contract.services,
        monthlyPriceOre: contract.monthlyPriceOre,
        currency: 'SEK',
        termination: { state: contract.terminationState, requestedOn: contract.terminationRequestedOn, endsOn: contract.terminationEndsOn },
        invoices: invoices.map(({ number, issuedOn, dueOn, amountOre, status, documentUrl }) => ({ number, issuedOn, dueOn, amountOre, status, documentUrl })),
      };
    },

    /** Store the contract as the company's systems report it (provisioning, billing, demo data). */
    async record(input: ContractRecord): Promise<void> {
      const now = deps.clock.now();
      const { invoices, ...contract } = input;
      const rows = invoices.map((invoice) => ({ ...invoice, documentUrl: documentUrlOf(invoice), installationId: contract.installationId }));
      await deps.db.transaction(async (tx) => {
        await upsertContract(tx, { ...contract, updatedAt: now });
        for (const row of rows) await upsertInvoice(tx, row);
        await recordInstallationAudit(tx, {
          installationId: contract.installationId,
          actorAccountId: null,
          action: 'contract_recorded',
          at: now,
          details: { contractNumber: contract.contractNumber, invoices: invoices.length },
        });
      });
    },
  };
}

export type ContractsService = ReturnType<typeof createContracts>;
