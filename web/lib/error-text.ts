import { useTranslation } from 'react-i18next';
import { ApiError, type FailureCode } from './http.ts';

/** The code of any failure; something that is not an API answer is our own fault. */
export function failureCode(error: unknown): FailureCode {
  return error instanceof ApiError ? error.code : 'internal';
}

/** Turn a failed call into the sentence for the user, in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => t(`errors.${failureCode(error)}`);
}
