/** Browser mode in-process for tests: a backend against `apiUrl`, its host on a free port. */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend } from '../backend/index.ts';
import { createHostApp, listen } from '../host/server.ts';
import type { Backend } from '../ipc/index.ts';

export const rendererDir = resolve(import.meta.dirname, '../../dist/renderer');

export interface TestHost {
  url: string;
  backend: Backend;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestHost(options: {
  apiUrl: string;
  rendererDir?: string;
  probeIntervalMs?: number;
  dataDir?: string;
}): Promise<TestHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'shoebox-desktop-host-'));
  const errors: unknown[] = [];
  const backend = await createBackend({
    apiUrl: options.apiUrl,
    dataDir,
    shopName: 'Shoebox Test Shop',
    mode: 'browser',
    appVersion: '0.0.0-test',
    probeIntervalMs: options.probeIntervalMs ?? 200,
    requestTimeoutMs: 2000,
    log: () => {},
  });
  const app = createHostApp({
    backend,
    rendererDir: options.rendererDir ?? rendererDir,
    log: (e) => errors.push(e),
  });
  const { server, url } = await listen(app, 0, '127.0.0.1');
  return {
    url,
    backend,
    dataDir,
    async close() {
      await closeServer(server);
      await backend.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((r) => server.close(() => r()));
}
