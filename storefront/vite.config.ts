import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server proxies the API (STOREFRONT_API, default the `npm start` port) so the app calls
// its own origin in development exactly as it does when store-api serves the built files.
const api = process.env.STOREFRONT_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', outDir: 'dist', assetsDir: 'assets', cssCodeSplit: true },
  server: { proxy: { '/store': api, '/media': api } },
});
