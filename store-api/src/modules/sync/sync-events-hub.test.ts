import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { createSyncEvents } from './sync-events.ts';

/** Just enough of an Express response to watch what the hub writes. */
class FakeResponse extends EventEmitter {
  written = '';
  writableEnded = false;
  headers: Record<string, string> = {};
  status() {
    return this;
  }
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  flushHeaders() {}
  write(text: string) {
    this.written += text;
    return true;
  }
  end() {
    this.writableEnded = true;
    this.emit('close');
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits for `condition` (timers run late on a loaded machine), failing after 5 s. */
const until = async (condition: () => boolean) => {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error('timed out');
    await wait(10);
  }
};

describe('the /sync/events hub', () => {
  it('announces the head on connect and when it moves, beats when idle, and stops when the last stream goes', async () => {
    let head = 5;
    let reads = 0;
    const hub = createSyncEvents(
      async () => {
        reads += 1;
        return head;
      },
      { tickMs: 10, heartbeatMs: 25 },
    );
    const res = new FakeResponse();
    await hub.open('device-1', res as unknown as Response);
    expect(res.headers['content-type']).toContain('text/event-stream');
    expect(res.written).toContain('event: changes\ndata: {"headSeq":5}\n\n');
    await until(() => res.written.includes(': heartbeat\n\n'));
    head = 9;
    await until(() => res.written.includes('data: {"headSeq":9}'));
    expect(res.written.match(/headSeq":5/g)?.length).toBe(1); // announced once, not again by the ticks
    hub.drop('device-1');
    expect(hub.size).toBe(0);
    const after = reads;
    await wait(40);
    expect(reads).toBe(after); // nobody listens: the head is not read any more
  });
});
