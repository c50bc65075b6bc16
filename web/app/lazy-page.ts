import type { ComponentType } from 'react';

/**
 * A route's `lazy` loader for a page component exported by name from its own module, so the
 * bundler splits each page into a chunk fetched on first visit.
 */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return async () => ({ Component: (await load())[name] });
}
