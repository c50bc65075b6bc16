export { issueCode, hashCode, codeMatches, normaliseCodeInput, CODE_DIGITS } from './code.rules.ts';
export {
  reserveSms,
  reservedSmsInMonth,
  monthKey,
  smsReservationPart,
  smsReservationStatement,
  smsReservationValues,
  SMS_RESERVATION_KEYS,
  uncountSms,
  type SmsLimits,
  type SmsReservation,
  type SmsReservationPart,
  type SmsReservationValues,
} from './sms-budget.store.ts';
export { smsBudgetShards } from './verification.tables.ts';
