export { createContacts, type ContactsDeps, type ContactsService } from './contacts.service.ts';
export { contactsRoutes } from './contacts.routes.ts';
