export { smsUsageReport } from './sms-usage.report.ts';
export { formatSmsUsage, monthRange, usageByInstallation, type SmsUsageReport } from './sms-usage.rules.ts';
