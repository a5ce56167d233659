import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer, type ViteDevServer } from 'vite';

/**
 * Serves one of the renderer's test harness pages (`desktop/src/renderer/test/<name>`) from a Vite
 * dev server on a free port, for the browser tests that need the renderer without an API.
 */
export async function serveHarness(
  name: 'harness' | 'app-harness',
): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    root: resolve(import.meta.dirname, '../../desktop/src/renderer/test', name),
    configFile: false,
    plugins: [react()],
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  return { server, url: server.resolvedUrls!.local[0]!.replace(/\/$/, '') };
}
