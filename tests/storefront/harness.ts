/**
 * A real shop for browser tests and screenshots: builds the storefront into a private folder,
 * starts store-api as its own process (`npm start`'s entry point) on a free port with its own data
 * directory (embedded SQLite, demo data seeded on first start), and drives Debian's chromium
 * through playwright-core. Nothing is mocked: payments are the API's demo provider.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

export const PHONE = { width: 390, height: 844 };

export interface Shop {
  baseUrl: string;
  dataDir: string;
  /** The storefront build this shop serves. */
  storefrontDir: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`store-api exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`store-api did not become ready:\n${log()}`);
}

/** Builds the storefront and starts a store-api with demo data; `stop()` ends it and removes its files. */
export async function startShop(): Promise<Shop> {
  const dir = await mkdtemp(join(tmpdir(), 'shoebox-shop-'));
  const storefrontDir = join(dir, 'storefront');
  await promisify(execFile)(
    bin('vite'),
    ['build', '--outDir', storefrontDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: join(root, 'storefront'),
    },
  );
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(bin('tsx'), [join(root, 'store-api/src/main.ts')], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: join(dir, 'data'),
      DATABASE_URL: `file:${join(dir, 'data', 'shoebox.db')}`,
      STOREFRONT_DIR: storefrontDir,
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      CHECKOUT_RATE_LIMIT_PER_MINUTE: '1000',
      STRIPE_SECRET_KEY: '',
      STRIPE_WEBHOOK_SECRET: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, dataDir: join(dir, 'data'), storefrontDir, stop };
}

export { launchChromium } from '../chromium.ts';

/** A phone-sized page context (390 x 844, touch) on the shop. */
export function phoneContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
  });
}
