export { recordSecurityEvent, listSecurityEvents, type SecurityEvent, type SecurityEventInput, type SecurityEventKind } from './security-events.store.ts';
export { securityEvents } from './audit.tables.ts';
