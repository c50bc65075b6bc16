import { z } from 'zod';

export const MAX_CONTACT_PERSONS = 5;

export const contactPersonInput = z.object({
  name: z.string().trim().min(1).max(100),
  /** Mobile numbers, first is called first. */
  phones: z.array(z.string().min(3).max(30)).min(1).max(3),
  relation: z.string().trim().max(60).default(''),
  keyHolder: z.boolean().default(false),
});

export const contactPerson = z.object({
  id: z.string(),
  position: z.number().int(),
  name: z.string(),
  phones: z.array(z.string()),
  relation: z.string(),
  keyHolder: z.boolean(),
});
export const contactPersonList = z.array(contactPerson);

export const contactParams = z.object({ installationId: z.uuid(), contactId: z.uuid() });

/** The whole list's ids in the new calling order. */
export const reorderContactsRequest = z.object({ ids: z.array(z.uuid()).min(1).max(MAX_CONTACT_PERSONS) });
