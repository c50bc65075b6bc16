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
  invalid_email: 400,
  email_taken: 409,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorStatus, value);
}
