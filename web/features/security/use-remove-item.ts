import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { securityKeys } from './security.api.ts';

export interface NamedItem {
  id: string;
  name: string;
}

/**
 * Removing one item of a list (a device, a sign-in, a key): refreshes the security pages (the
 * activity log gains an entry too) and moves focus to the list, since the pressed button is gone.
 */
export function useRemoveItem(remove: (id: string) => Promise<unknown>) {
  const client = useQueryClient();
  const listRef = useRef<HTMLUListElement>(null);
  const mutation = useMutation({
    mutationFn: (item: NamedItem) => remove(item.id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: securityKeys.all });
      listRef.current?.focus();
    },
  });
  return {
    mutation,
    listRef,
    isRemoving: (id: string) => mutation.isPending && mutation.variables.id === id,
  };
}
