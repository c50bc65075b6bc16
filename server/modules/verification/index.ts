export { issueCode, hashCode, codeMatches, normaliseCodeInput, CODE_DIGITS } from './code.rules.ts';
export { reserveSms, monthKey, type SmsLimits } from './sms-budget.store.ts';
export { smsSends, smsMonthlyUsage } from './verification.tables.ts';
export { smsUsageReport } from './sms-usage.report.ts';
export { formatSmsUsage, monthRange, type SmsUsageReport } from './sms-usage.rules.ts';
