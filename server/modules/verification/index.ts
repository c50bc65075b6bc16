export { issueCode, hashCode, codeMatches, normaliseCodeInput, CODE_DIGITS } from './code.rules.ts';
export { reserveSms, reservedSmsInMonth, monthKey, smsReservationPart, runSmsReservation, uncountSms, type SmsLimits, type SmsReservationPart } from './sms-budget.store.ts';
export { smsSends, smsBudgetShards } from './verification.tables.ts';
