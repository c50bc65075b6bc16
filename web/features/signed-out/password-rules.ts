import { failureCode } from '../../lib/error-text.ts';

const passwordCodes = ['password_too_short', 'password_too_long', 'password_too_common', 'password_contains_personal_data'];

/** The server refused the password itself: the answer belongs under the password field, not at the top. */
export const isPasswordRefusal = (error: unknown) => passwordCodes.includes(failureCode(error));
