/** `npm run desktop:browser`: the backend in plain Node, serving the built renderer. */
import { createRequire } from 'node:module';
import { createBackend } from '../backend/index.ts';
import { loadHostConfig } from './config.ts';
import { createHostApp, listen } from './server.ts';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

async function main(): Promise<void> {
  const config = loadHostConfig();
  const backend = await createBackend({
    apiUrl: config.apiUrl,
    dataDir: config.dataDir,
    shopName: config.shopName,
    mode: 'browser',
    appVersion: version,
    probeIntervalMs: config.probeIntervalMs,
    requestTimeoutMs: 5000,
    log: (level, message, extra) =>
      process.stderr.write(`[desktop ${level}] ${message}${extra ? ` ${JSON.stringify(extra)}` : ''}\n`),
  });
  const app = createHostApp({
    backend,
    rendererDir: config.rendererDir,
    extraHosts: config.host === '0.0.0.0' ? [] : [config.host],
    log: (e) => process.stderr.write(`[desktop error] ${e instanceof Error ? e.stack : String(e)}\n`),
  });
  const { server, url } = await listen(app, config.port, config.host);
  const { state } = await backend.handlers['sync.status']({});
  const apiNote = state === 'online' ? 'answering' : 'not answering yet: the app shows Offline until it does';
  process.stdout.write(
    `\nShoebox desktop (browser mode) is running.\n  Desktop      ${url}\n  API          ${config.apiUrl} (${apiNote})\n\n`,
  );
  const stop = () => {
    server.closeAllConnections();
    server.close(() => void backend.close().finally(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
