import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a plain single-page app: the same build runs in Electron (app:// protocol) and
// in browser mode (the host). Relative asset URLs work under both.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // No inline <script> or modulepreload polyfill: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // React + MUI are most of the one chunk (about 190 kB gzip); screens split off as they grow.
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/rpc': 'http://127.0.0.1:4100', '/events': 'http://127.0.0.1:4100' },
  },
});
