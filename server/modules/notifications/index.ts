export { createNotifications, OUTBOX_CHANNEL, type Notifications } from './notifications.service.ts';
export type { Channel, Language, OutgoingMessage, TemplateName } from './notifications.types.ts';
export { render, templateVariants } from './notifications.templates.ts';
export { claimDue, markSent, markRetry, markDead, countByStatus, type OutboxRow } from './outbox.store.ts';
export { insertDevMessage as recordDevMessage, listDevMessages, type DevMessage } from './dev-inbox.store.ts';
export { outbox, devMessages } from './notifications.tables.ts';
export { maskEmail, maskPhone } from './masking.rules.ts';
export { devInboxRoutes } from './notifications.routes.ts';
