/**
 * Browser mode's web server: the built renderer, the /rpc bridge and the /events stream, for one
 * backend. The page is served with a fresh CSP nonce each time; the renderer gives it to emotion.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { Backend } from '../ipc/index.ts';
import { eventsRouter } from './events.ts';
import { problemHandler, rpcRouter } from './rpc.ts';
import { baseHeaders, contentSecurityPolicy, newNonce, sameOriginOnly } from './security.ts';

/** The placeholder the page carries for the nonce (desktop/src/renderer/index.html). */
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

export interface HostOptions {
  backend: Backend;
  /** The built renderer (vite's outDir), holding index.html and assets/. */
  rendererDir: string;
  /** Host names besides loopback that may reach the bridge (when serving a LAN). */
  extraHosts?: readonly string[];
  log: (e: unknown) => void;
}

export function createHostApp(options: HostOptions): Express {
  const indexPath = join(options.rendererDir, 'index.html');
  if (!existsSync(indexPath))
    throw new Error(`The renderer is not built (no ${indexPath}). Run: npm run desktop:build`);
  const page = readFileSync(indexPath, 'utf8');

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(baseHeaders);
  app.use(['/rpc', '/events'], sameOriginOnly(options.extraHosts ?? []));
  app.use(rpcRouter(options.backend, options.log));
  app.use(eventsRouter(options.backend));
  app.use('/assets', express.static(join(options.rendererDir, 'assets'), { immutable: true, maxAge: '1y' }));
  app.use('/assets', (_req, res) => {
    res.status(404).end();
  });
  app.use(express.static(options.rendererDir, { index: false }));
  // Every other GET is a screen of the single-page app (/, /settings/about, ...).
  app.get(['/', '/*splat'], (_req, res) => {
    const nonce = newNonce();
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(page.replaceAll(NONCE_PLACEHOLDER, nonce));
  });
  app.use(problemHandler(options.log));
  return app;
}

/** Listens and resolves with the URL (port 0 picks a free one). */
export function listen(app: Express, port: number, host: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}` });
    });
  });
}
