import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.ts';

/** Built to web/dist, which the Fastify server serves; `npm run dev:web` proxies the API to it. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  // Source maps are written for reading stack traces but not referenced from the bundles, and
  // the server does not serve them in production (docs/decisions/0044-first-load.md).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: 'hidden' },
  server: {
    // The dev server expects the API on the server's default address (npm start).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
