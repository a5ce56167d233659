import type { runModes } from '../ipc/index.ts';

/** Everything the backend needs from its process: where the API is, where to keep files. */
export interface BackendConfig {
  /** e.g. http://127.0.0.1:4000 */
  apiUrl: string;
  /** This install's folder: device id, saved sessions (later: the SQLite cache). */
  dataDir: string;
  shopName: string;
  mode: (typeof runModes)[number];
  appVersion: string;
  /** How often the API's health route is probed. */
  probeIntervalMs: number;
  /** A probe or sign-in that takes longer than this counts as the API being unreachable. */
  requestTimeoutMs: number;
  log: (level: 'info' | 'warn' | 'error', message: string, extra?: unknown) => void;
}
