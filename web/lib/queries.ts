import { useQuery } from '@tanstack/react-query';
import { api } from './api.ts';

export const meQueryKey = ['me'] as const;

/** The signed-in account; `data` is null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: api.me, staleTime: 30_000 });
}

/** Customer-service phone and the like; they change only with a server restart. */
export function usePublicSettings() {
  return useQuery({ queryKey: ['public-settings'], queryFn: api.publicSettings, staleTime: Infinity });
}
