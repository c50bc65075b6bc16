import type { z } from 'zod';
import { contactPersonList, type contactPersonInput } from '../../../contract/contacts.ts';
import { request } from '../../lib/http.ts';

export type ContactInput = z.input<typeof contactPersonInput>;
export type ContactPerson = z.infer<typeof contactPersonList>[number];

export const contactsQueryKey = (installationId: string) => ['installation', installationId, 'contacts'] as const;

/** The action plan (SPEC §5.2); every change answers with the whole list in calling order. */
export const contactsApi = {
  list: (installationId: string) => request('GET', `/installations/${installationId}/contacts`, contactPersonList),
  add: (installationId: string, input: ContactInput) => request('POST', `/installations/${installationId}/contacts`, contactPersonList, input),
  update: (installationId: string, contactId: string, input: ContactInput) => request('PUT', `/installations/${installationId}/contacts/${contactId}`, contactPersonList, input),
  remove: (installationId: string, contactId: string) => request('DELETE', `/installations/${installationId}/contacts/${contactId}`, contactPersonList),
  reorder: (installationId: string, ids: string[]) => request('PUT', `/installations/${installationId}/contact-order`, contactPersonList, { ids }),
};
