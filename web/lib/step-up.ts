import { useSyncExternalStore } from 'react';
import { setStepUpHandler } from './http.ts';

/**
 * The API answers `step_up_required` when a change needs the user to confirm who they are
 * (SPEC §3.9). Instead of every page handling that, the call waits here while one dialog asks
 * for confirmation; the call is then retried, or fails as before when the user cancels.
 */
let pending: { promise: Promise<boolean>; resolve: (confirmed: boolean) => void } | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Calls that need step-up at the same time share one dialog. */
function askForConfirmation(): Promise<boolean> {
  if (!pending) {
    let resolve!: (confirmed: boolean) => void;
    const promise = new Promise<boolean>((done) => (resolve = done));
    pending = { promise, resolve };
    notify();
  }
  return pending.promise;
}

function finish(confirmed: boolean): void {
  pending?.resolve(confirmed);
  pending = null;
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Mounted once in the signed-in shell: whether to show the dialog, and how to close it. */
export function useStepUpRequest(): { open: boolean; finish: (confirmed: boolean) => void } {
  const open = useSyncExternalStore(subscribe, () => pending !== null);
  return { open, finish };
}

setStepUpHandler(askForConfirmation);
