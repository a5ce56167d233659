/** Builds the renderer once per test process (vite, production mode) into `outDir`. */
import { resolve } from 'node:path';
import { build } from 'vite';

const desktopRoot = resolve(import.meta.dirname, '../..');
let built: Promise<void> | undefined;

export function buildRenderer(outDir = resolve(desktopRoot, 'dist/renderer')): Promise<void> {
  built ??= build({
    configFile: resolve(desktopRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  }).then(() => undefined);
  return built;
}
