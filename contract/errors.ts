/**
 * The closed list of error codes the API answers with, and the HTTP status of each.
 * Server code throws AppError(code); the web maps each code to Swedish and English text.
 */
export const errorStatus = {
  // generic
  validation_failed: 400,
  malformed_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
  // sign-in
  invalid_credentials: 401,
  /** The signed-in user's own password was wrong (step-up, password change): no e-mail to keep secret. */
  wrong_password: 401,
  invalid_code: 401,
  account_locked: 423,
  flow_expired: 410,
  resend_too_soon: 429,
  resend_limit_reached: 429,
  channel_unavailable: 409,
  invalid_refresh_token: 401,
  session_expired: 401,
  /** A sensitive change needs a fresh code or password (SPEC §3.9). */
  step_up_required: 403,
  // accounts
  password_too_short: 400,
  password_too_long: 400,
  password_too_common: 400,
  password_contains_personal_data: 400,
  invalid_phone: 400,
  /** An SMS to a number not yet verified goes only to the countries of `SMS_ALLOWED_COUNTRIES`. */
  sms_destination_not_allowed: 422,
  invalid_email: 400,
  email_taken: 409,
  // installations, users and levels (SPEC §4)
  /** A restricted user outside their access window. */
  access_window_closed: 403,
  invalid_access_window: 400,
  /** The caller's level may not give, change or remove this level. */
  level_not_allowed: 403,
  /** The system owner cannot be removed, demoted or leave; ownership moves through customer service. */
  last_owner: 409,
  already_member: 409,
  invitation_pending: 409,
  invitation_not_found: 404,
  invitation_expired: 410,
  invitation_used: 410,
  invitation_revoked: 410,
  /** Signed in as another account than the invited e-mail address. */
  invitation_wrong_account: 403,
  /** The invitation offers its number only to an account without a verified one; it is changed on the account page. */
  phone_already_verified: 409,
  // code words (SPEC §5.1)
  code_word_too_short: 400,
  code_word_too_long: 400,
  /** On the refuse list, digits only, or otherwise easy to mishear. */
  code_word_confusing: 400,
  code_words_too_similar: 400,
  code_word_equals_password: 400,
  code_word_not_set: 409,
  code_word_tries_exhausted: 429,
  code_word_check_expired: 410,
  code_word_locked: 423,
  // contact persons (SPEC §5.2)
  contact_limit_reached: 409,
  contact_order_mismatch: 400,
  /** A link that is unknown, used or expired: one code for all so nothing leaks. */
  link_invalid: 410,
  /** A passkey registration the authenticator's answer did not prove. */
  passkey_rejected: 400,
  /** The operator's policy keeps two-step verification on for every account (SPEC §3.4). */
  two_factor_required: 403,
  /** An integration token whose scope does not cover this request (SPEC §3.13). */
  token_scope_insufficient: 403,
  /** Closing refused: the account owns an installation and must hand it over first (SPEC §3.12). */
  owner_must_transfer: 409,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorStatus, value);
}
