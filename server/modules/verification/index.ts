export { issueCode, hashCode, codeMatches, normaliseCodeInput, CODE_DIGITS } from './code.rules.ts';
export {
  reserveInOwnStatement,
  reserveSms,
  reserveUnverifiedSms,
  reservedSmsInMonth,
  reservedUnverifiedSmsInMonth,
  monthKey,
  smsReservationPart,
  smsReservationStatement,
  SMS_RESERVATION_KEYS,
  type SmsLimits,
  type SmsReservation,
  type SmsReservationPart,
  type SmsReservationValues,
} from './sms-budget.store.ts';
export { smsBudgetShards } from './verification.tables.ts';
