export { createNotifications, OUTBOX_CHANNEL, type Notifications, type FallbackListener, type Accepted } from './notifications.service.ts';
export type { Channel, Language, OutgoingMessage, TemplateName } from './notifications.types.ts';
export { render, templateVariants } from './notifications.templates.ts';
export { claimDue, markAttemptStarted, markRetry, markDead, countByStatus, smsUsage, type OutboxRow, type UsageLine, type UsageFigures, type OriginUsage } from './outbox.store.ts';
export { insertDevMessage as recordDevMessage, listDevMessages, type DevMessage } from './dev-inbox.store.ts';
export { outbox, devMessages, smsDeliveries } from './notifications.tables.ts';
export { maskEmail, maskPhone } from './masking.rules.ts';
export { devInboxRoutes } from './notifications.routes.ts';
