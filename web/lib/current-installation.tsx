import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { installationList, type InstallationAction } from '../../contract/installations.ts';
import type { z } from 'zod';
import { request } from './http.ts';

export type InstallationSummary = z.infer<typeof installationList>[number];

export const installationsQueryKey = ['installations'] as const;

/** Remembered per browser, so the next visit opens the installation chosen last. */
const storageKey = 'portvakt.installation';

function storedChoice(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** Make `id` the installation shown, now and on later visits (e.g. one just joined). */
export function rememberInstallation(id: string): void {
  try {
    localStorage.setItem(storageKey, id);
  } catch {
    // Not remembered, but the choice still holds for this visit.
  }
}

interface CurrentInstallationValue {
  status: 'pending' | 'error' | 'success';
  error: unknown;
  refetch: () => void;
  installations: InstallationSummary[];
  /** Undefined while loading and for an account with no installation. */
  current: InstallationSummary | undefined;
  choose: (id: string) => void;
  /** Whether the user's level (and access window, right now) allows `action` in the current installation. */
  can: (action: InstallationAction) => boolean;
}

const CurrentInstallationContext = createContext<CurrentInstallationValue | null>(null);

/** The signed-in account's installations (GET /installations) and which one the pages show. */
export function CurrentInstallationProvider({ children }: { children: ReactNode }) {
  const query = useQuery({
    queryKey: installationsQueryKey,
    queryFn: () => request('GET', '/installations', installationList),
  });
  const [chosen, setChosen] = useState(storedChoice);
  const choose = useCallback((id: string) => {
    rememberInstallation(id);
    setChosen(id);
  }, []);

  const value = useMemo<CurrentInstallationValue>(() => {
    const installations = query.data ?? [];
    // A remembered choice may be gone (left, removed); the first one is shown then.
    const current = installations.find((i) => i.id === chosen) ?? installations[0];
    return {
      status: query.status,
      error: query.error,
      refetch: () => void query.refetch(),
      installations,
      current,
      choose,
      can: (action) => current?.allowedActions.includes(action) ?? false,
    };
  }, [query, chosen, choose]);

  return <CurrentInstallationContext value={value}>{children}</CurrentInstallationContext>;
}

export function useCurrentInstallation(): CurrentInstallationValue {
  const value = useContext(CurrentInstallationContext);
  if (!value) throw new Error('useCurrentInstallation needs a CurrentInstallationProvider');
  return value;
}
