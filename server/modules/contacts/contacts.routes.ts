import type { FastifyInstance } from 'fastify';
import { contactParams, contactPersonInput, contactPersonList, reorderContactsRequest } from '../../../contract/contacts.ts';
import { installationParams } from '../../../contract/installations.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { requireAccess } from '../installations/index.ts';
import type { ContactsService } from './contacts.service.ts';

const tags = ['contact persons'];
const guarded = ['unauthenticated', 'forbidden', 'not_found', 'access_window_closed'] as const;
const managed = [...guarded, 'csrf_failed', 'step_up_required'] as const;

/** Contact persons (SPEC §5.2); every change answers with the whole list in calling order. */
export function contactsRoutes(app: FastifyInstance, contacts: ContactsService): void {
  const r = typed(app);
  const base = '/installations/:installationId';

  r.get(
    `${base}/contacts`,
    {
      config: { permission: 'contacts.view' },
      schema: { tags, summary: 'Contact persons in calling order', params: installationParams, response: { 200: contactPersonList, ...problems(...guarded) } },
    },
    async (request) => contacts.list(requireAccess(request).installation.id),
  );

  r.post(
    `${base}/contacts`,
    {
      config: { permission: 'contacts.manage' },
      schema: {
        tags,
        summary: 'Add a contact person last in the list',
        params: installationParams,
        body: contactPersonInput,
        response: { 201: contactPersonList, ...problems(...managed, 'invalid_phone', 'contact_limit_reached') },
      },
    },
    async (request, reply) => {
      const { installation, account } = requireAccess(request);
      return reply.code(201).send(await contacts.add(installation.id, account, request.body));
    },
  );

  r.put(
    `${base}/contacts/:contactId`,
    {
      config: { permission: 'contacts.manage' },
      schema: {
        tags,
        summary: 'Change a contact person',
        params: contactParams,
        body: contactPersonInput,
        response: { 200: contactPersonList, ...problems(...managed, 'invalid_phone') },
      },
    },
    async (request) => {
      const { installation, account } = requireAccess(request);
      return contacts.update(installation.id, account, request.params.contactId, request.body);
    },
  );

  r.delete(
    `${base}/contacts/:contactId`,
    {
      config: { permission: 'contacts.manage' },
      schema: { tags, summary: 'Remove a contact person', params: contactParams, response: { 200: contactPersonList, ...problems(...managed) } },
    },
    async (request) => {
      const { installation, account } = requireAccess(request);
      return contacts.remove(installation.id, account, request.params.contactId);
    },
  );

  r.put(
    `${base}/contact-order`,
    {
      config: { permission: 'contacts.manage' },
      schema: {
        tags,
        summary: 'Put the contact persons in a new calling order',
        params: installationParams,
        body: reorderContactsRequest,
        response: { 200: contactPersonList, ...problems(...managed, 'contact_order_mismatch') },
      },
    },
    async (request) => {
      const { installation, account } = requireAccess(request);
      return contacts.reorder(installation.id, account, request.body.ids);
    },
  );
}
