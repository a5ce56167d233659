/**
 * SQLite allows one writer. Serialising write transactions in-process keeps them from failing with
 * SQLITE_BUSY (and from relying on busy-timeouts, which block the event loop); readers are not queued.
 */
export function createWriteQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      const result = tail.then(fn, fn);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
