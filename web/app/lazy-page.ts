import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page component exported by name from its own module, loaded on first render, so the bundler
 * splits each page into a chunk fetched on first visit. Render it inside <PageOutlet> (or
 * another Suspense boundary).
 */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name): LazyExoticComponent<ComponentType> {
  return lazy<ComponentType>(async () => ({ default: (await load())[name] }));
}
