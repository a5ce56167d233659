// The device side: the engine and the ports a device implements (LocalStore, Transport, Clock).
export { type BackoffOptions, backoffDelay, defaultBackoff } from './backoff.ts';
export {
  DEFAULT_POLL_MS,
  type Intent,
  SyncClient,
  type SyncClientOptions,
  type SyncStatus,
} from './engine.ts';
export { runSyncLoop, type SyncLoopOptions } from './loop.ts';
export type { AttentionEntry, Clock, LocalStore, OutboxEntry, Transport } from './ports.ts';
export type { Overlay } from './view.ts';
