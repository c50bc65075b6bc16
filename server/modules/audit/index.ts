export { recordSecurityEvent, listSecurityEvents, pseudonymiseSecurityEvents, type SecurityEvent, type SecurityEventInput, type SecurityEventKind } from './security-events.store.ts';
export { recordInstallationAudit, listInstallationAudit, type InstallationAuditAction, type InstallationAuditEntry, type InstallationAuditInput } from './installation-audit.store.ts';
export { securityEvents, installationAudit } from './audit.tables.ts';
