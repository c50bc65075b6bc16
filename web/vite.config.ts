import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.ts';

/**
 * Chunks for a small first load (docs/decisions/0044-first-load.md): what every page needs
 * comes in two files, libraries apart from our code since they change less often; the
 * components pages share come in one; each page and each language is a file of its own,
 * fetched on first use. Without groups the bundler makes a file of every module two chunks
 * share, dozens of requests of a few hundred bytes.
 */
const chunkGroups = [
  { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial' as const], priority: 3 },
  // main.tsx stays the entry file that index.html names (and its manifest key).
  { name: 'app', test: (id: string) => /[\\/](web|contract)[\\/]/.test(id) && !/\.html|main\.tsx$/.test(id), tags: ['$initial' as const], priority: 2 },
  { name: 'shared', test: /[\\/]web[\\/]components[\\/]/, priority: 1 },
];

/** Built to web/dist, which the Fastify server serves; `npm run dev:web` proxies the API to it. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps are written for reading stack traces but not referenced from the bundles, and
    // the server does not serve them in production.
    sourcemap: 'hidden',
    // web/dist/.vite/manifest.json: the import graph, which a test reads to keep the sign-in page lean.
    manifest: true,
    // Every browser the portal supports preloads modules itself.
    modulePreload: { polyfill: false },
    rolldownOptions: { output: { codeSplitting: { groups: chunkGroups } } },
  },
  server: {
    // The dev server expects the API on the server's default address (npm start).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
