import type { UseMutationResult } from '@tanstack/react-query';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import type { NamedItem } from './use-remove-item.ts';

/** What became of the last removal: done (in the caller's words) or why not. */
export function RemovalNotice({ mutation, done }: { mutation: UseMutationResult<unknown, Error, NamedItem>; done: (name: string) => string }) {
  const errorText = useErrorText();
  if (mutation.isSuccess) return <Alert tone="success">{done(mutation.variables.name)}</Alert>;
  if (mutation.isError) return <Alert tone="error">{errorText(mutation.error)}</Alert>;
  return null;
}
