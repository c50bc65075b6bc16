import { z } from 'zod';

export const contractServices = ['alarm_monitoring', 'contact_alarm', 'guard_response', 'fire_alarm', 'water_leak'] as const;

export const invoice = z.object({
  number: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  amountOre: z.number().int(),
  status: z.enum(['paid', 'unpaid', 'overdue']),
  /** The invoice document (usually a PDF) in the company's billing system; null when it provides none. */
  documentUrl: z.url({ protocol: /^https$/ }).nullable(),
});

/** Account and contract information (SPEC §6); amounts in öre (SEK × 100). */
export const contractInfo = z.object({
  contractNumber: z.string(),
  startDate: z.string(),
  bindingMonths: z.number().int(),
  bindingEndsOn: z.string(),
  services: z.array(z.enum(contractServices)),
  monthlyPriceOre: z.number().int(),
  currency: z.literal('SEK'),
  termination: z.object({
    state: z.enum(['none', 'requested', 'confirmed']),
    requestedOn: z.string().nullable(),
    endsOn: z.string().nullable(),
  }),
  invoices: z.array(invoice),
});
