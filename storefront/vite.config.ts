import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

// The dev server proxies the API (STOREFRONT_API, default the `npm start` port) so the app calls
// its own origin in development exactly as it does when store-api serves the built files.
const api = process.env.STOREFRONT_API ?? 'http://127.0.0.1:4000';

/**
 * Writes `.br` and `.gz` beside every JS and CSS asset at build time, so store-api can send them
 * compressed without compressing on each request (and without a compression dependency), and
 * `shell-assets.json`, the list the service worker caches.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'shoebox-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = config.build.outDir;
    },
    writeBundle: () => {
      const assets = join(outDir, 'assets');
      const code = readdirSync(assets).filter((n) => /\.(js|css)$/.test(n));
      // The service worker caches every page's chunk at install (public/sw.js), so a page never
      // opened before still opens offline; the contracts chunk loads only in tests, so it is left out.
      const shell = code.filter((n) => !n.startsWith('contracts-')).map((n) => `/assets/${n}`);
      writeFileSync(join(outDir, 'shell-assets.json'), JSON.stringify(shell));
      for (const name of code) {
        const bytes = readFileSync(join(assets, name));
        writeFileSync(
          join(assets, `${name}.br`),
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(join(assets, `${name}.gz`), gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The app is written against React's API and ships Preact (decision 0044): react-dom was most of
 * the start-up script, and Preact's compat layer runs the same components in about a tenth of the
 * bytes. Types and the component tests stay on React's packages; only the bundle swaps them.
 */
const preact = {
  'react-dom/client': 'preact/compat/client',
  'react-dom': 'preact/compat',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
  react: 'preact/compat',
};

export default defineConfig({
  plugins: [precompress()],
  // JSX compiles straight to Preact's runtime (no React Fast Refresh: the dev server reloads instead).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: Object.entries(preact).map(([find, replacement]) => ({
      find: new RegExp(`^${find}$`),
      replacement,
    })),
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    assetsDir: 'assets',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The store contracts (zod and every store schema) load only when the client checks an
          // answer, which the shop never does. Left to itself the bundler puts what the shell
          // shares with them (the cart header, the line limit, its runtime helpers) into their
          // chunk, so the shell imported it at start and built every schema. Two groups keep the
          // contracts out of the shell; the bundler then gives its runtime its own tiny chunk.
          groups: [
            { name: 'shared', test: /shared[\\/]src[\\/]contracts[\\/]constants\.ts$/ },
            { name: 'contracts', test: /node_modules[\\/]zod[\\/]|shared[\\/]src[\\/]contracts[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/store': api, '/media': api } },
});
