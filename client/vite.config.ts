import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `npm run dev -w client`: the SPA with hot reload, the API proxied to the server on :3000. */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000', '/readyz': 'http://localhost:3000' },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
