import type { Response } from 'express';

/**
 * `GET /sync/events`: tells connected desktops there is something to pull. One hub per process
 * watches the head of `change_log` (lib/change-feed.ts `latestSeq`, one indexed MAX per tick,
 * only while someone listens) and writes `event: changes` with `{"headSeq":N}` to every stream
 * when it moves, plus a comment line every 15 s so proxies keep the connection open. It carries
 * no data: the desktop pulls, and polls anyway if the stream is down.
 */

export interface SyncEventsOptions {
  /** How often the head is looked at while streams are open. */
  tickMs?: number;
  heartbeatMs?: number;
}

interface Listener {
  deviceId: string;
  res: Response;
}

export function createSyncEvents(headSeq: () => Promise<number>, options: SyncEventsOptions = {}) {
  const tickMs = options.tickMs ?? 1_000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const listeners = new Set<Listener>();
  let head = -1;
  let timer: NodeJS.Timeout | null = null;
  let beat: NodeJS.Timeout | null = null;
  let ticking = false;

  const send = (l: Listener, text: string) => {
    if (!l.res.writableEnded) l.res.write(text);
  };
  const changes = (seq: number) => `event: changes\ndata: ${JSON.stringify({ headSeq: seq })}\n\n`;

  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      const seq = await headSeq();
      if (seq !== head) {
        head = seq;
        for (const l of listeners) send(l, changes(seq));
      }
    } catch {
      // The database is away: the streams stay open and the desktops keep polling.
    } finally {
      ticking = false;
    }
  };

  const start = () => {
    if (timer) return;
    timer = setInterval(() => void tick(), tickMs);
    beat = setInterval(() => {
      for (const l of listeners) send(l, ': heartbeat\n\n');
    }, heartbeatMs);
    timer.unref();
    beat.unref();
  };
  const stopIfIdle = () => {
    if (listeners.size > 0 || !timer) return;
    clearInterval(timer);
    if (beat) clearInterval(beat);
    timer = null;
    beat = null;
    head = -1;
  };

  return {
    /** Opens a stream for this device; it ends when the client goes or the device is revoked. */
    async open(deviceId: string, res: Response): Promise<void> {
      res.status(200);
      res.setHeader('content-type', 'text/event-stream; charset=utf-8');
      res.setHeader('cache-control', 'no-cache, no-transform');
      res.setHeader('x-accel-buffering', 'no');
      res.flushHeaders();
      const listener: Listener = { deviceId, res };
      const seq = await headSeq();
      // The first event says where the head is now, so a desktop that missed changes pulls at once.
      res.write(`retry: 5000\n${changes(seq)}`);
      listeners.add(listener);
      if (!timer) head = seq; // already announced: the first tick need not repeat it
      res.on('close', () => {
        listeners.delete(listener);
        stopIfIdle();
      });
      start();
    },

    /** Ends the streams of a revoked device (its next request is refused with DEVICE_REVOKED). */
    drop(deviceId: string): void {
      for (const l of listeners) if (l.deviceId === deviceId) l.res.end();
    },

    /** Ends every stream (the server is closing). */
    close(): void {
      for (const l of listeners) l.res.end();
    },

    get size(): number {
      return listeners.size;
    },
  };
}

export type SyncEvents = ReturnType<typeof createSyncEvents>;
