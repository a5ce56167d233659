import type { SyncClient } from './engine.ts';

export interface SyncLoopOptions {
  /** Waits `ms` (setTimeout in the desktop; resolves early when `wake` is called). */
  sleep(ms: number): Promise<void>;
  now(): number;
  /** The loop ends after the current round once this returns true. */
  stopped(): boolean;
  /** Longest single wait, so a stop is noticed and a clock change does not stall the loop. */
  maxWaitMs?: number;
}

/**
 * Runs a client until stopped: sync when due (after the backoff, or the poll interval), sleep
 * until the next attempt. A server-sent "something to pull" calls `client.notify()` and wakes
 * the sleep; a new mutation makes a sync due at once while the server answers.
 */
export const runSyncLoop = async (client: SyncClient, options: SyncLoopOptions): Promise<void> => {
  const maxWait = options.maxWaitMs ?? 5_000;
  while (!options.stopped()) {
    await client.tick();
    if (client.status().updateRequired) return; // nothing more to do until the app is updated
    const wait = client.status().nextAttemptAt - options.now();
    await options.sleep(Math.max(0, Math.min(wait, maxWait)));
  }
};
