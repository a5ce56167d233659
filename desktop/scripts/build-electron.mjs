#!/usr/bin/env node
// Bundles the Electron side: main (ESM), preload (CommonJS: sandboxed preloads cannot load ESM)
// and the backend's utility-process entry, into desktop/dist/main/. The renderer is vite's job.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: false,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'warning',
};

export async function buildElectron() {
  await Promise.all([
    build({
      ...common,
      entryPoints: [resolve(root, 'src/main/main.ts')],
      outfile: resolve(root, 'dist/main/main.js'),
      format: 'esm',
    }),
    build({
      ...common,
      entryPoints: [resolve(root, 'src/preload/preload.ts')],
      outfile: resolve(root, 'dist/main/preload.cjs'),
      format: 'cjs',
    }),
    build({
      ...common,
      entryPoints: [resolve(root, 'src/backend/utility-process.ts')],
      outfile: resolve(root, 'dist/main/backend.js'),
      format: 'esm',
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildElectron();
