/** Browser mode's settings, from the environment; a bad value stops the start with a readable list. */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const desktopRoot = resolve(import.meta.dirname, '../..');

const env = z.object({
  SHOEBOX_API_URL: z.url().default('http://127.0.0.1:4000'),
  DESKTOP_HOST: z.string().default('127.0.0.1'),
  DESKTOP_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  // The device's data (its id, credential, saved sessions and the offline cache). DESKTOP_DATA_DIR
  // is the older name, still read.
  SHOEBOX_DESKTOP_DATA: z.string().min(1).optional(),
  DESKTOP_DATA_DIR: z.string().min(1).optional(),
  SHOP_NAME: z.string().trim().min(1).max(80).default('Shoebox'),
  SYNC_PROBE_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(3000),
});

export interface HostConfig {
  apiUrl: string;
  host: string;
  port: number;
  dataDir: string;
  shopName: string;
  probeIntervalMs: number;
  rendererDir: string;
}

export function loadHostConfig(source: NodeJS.ProcessEnv = process.env): HostConfig {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`The desktop host cannot start; fix these settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    apiUrl: e.SHOEBOX_API_URL.replace(/\/+$/, ''),
    host: e.DESKTOP_HOST,
    port: e.DESKTOP_PORT,
    dataDir: e.SHOEBOX_DESKTOP_DATA ?? e.DESKTOP_DATA_DIR ?? join(tmpdir(), 'shoebox-desktop'),
    shopName: e.SHOP_NAME,
    probeIntervalMs: e.SYNC_PROBE_INTERVAL_MS,
    rendererDir: join(desktopRoot, 'dist', 'renderer'),
  };
}
