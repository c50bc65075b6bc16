import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Built to web/dist, which the Fastify server serves; `npm run dev:web` proxies the API to it. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    // The dev server expects the API on the server's default address (npm start).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
