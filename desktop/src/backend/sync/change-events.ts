/**
 * `GET /sync/events`: the server's "something to pull" notices (server-sent events, event
 * `changes` with `{ headSeq }`), read with Node's fetch as a stream. Each notice, and each
 * (re)connection (notices may have been missed while away), wakes the sync loop. When the server
 * has no event stream, or it keeps failing, the loop's polling carries on alone.
 */
import { z } from 'zod';
import { problemOf } from './http-transport.ts';

const changes = z.object({ headSeq: z.number().int().min(0) });

export interface ChangeEventsOptions {
  url: string;
  /** The request's headers; throws when there is nobody to listen for (retried later). */
  headers(): Promise<Record<string, string>>;
  onChanges(headSeq: number | null): void;
  /** The server refused the stream (problem+json): the engine decides (revoked, credential). */
  onRefused(error: Error): void;
  log(message: string, extra?: unknown): void;
  fetch?: typeof fetch;
  /** First wait after a failure; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export function listenForChanges(options: ChangeEventsOptions): { stop(): void } {
  let stopped = false;
  let controller: AbortController | null = null;
  let wakeSleep: (() => void) | null = null;
  const doFetch = options.fetch ?? fetch;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref?.();
      wakeSleep = done;
      function done() {
        clearTimeout(timer);
        wakeSleep = null;
        resolve();
      }
    });

  async function listenOnce(): Promise<boolean> {
    controller = new AbortController();
    const response = await doFetch(options.url, {
      headers: { accept: 'text/event-stream', ...(await options.headers()) },
      signal: controller.signal,
    });
    if (!response.ok || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      const text = await response.text().catch(() => '');
      const problem = problemOf(response, text, `GET ${options.url}`);
      if (problem.name !== 'SyncUnreachable') options.onRefused(problem);
      options.log('no change events from the server: polling instead', { status: response.status });
      return false;
    }
    options.onChanges(null); // (re)connected: whatever happened while away is waiting
    const reader = response.body?.getReader();
    if (!reader) return false;
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split(/\r?\n\r?\n/);
      buffer = blocks.pop() ?? '';
      for (const block of blocks) dispatch(block);
    }
  }

  function dispatch(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (event !== 'changes') return;
    let parsed: z.ZodSafeParseResult<{ headSeq: number }>;
    try {
      parsed = changes.safeParse(JSON.parse(data.join('\n')));
    } catch {
      return;
    }
    if (parsed.success) options.onChanges(parsed.data.headSeq);
  }

  void (async () => {
    const first = options.retryMs ?? 1000;
    const max = options.maxRetryMs ?? 60_000;
    let wait = first;
    while (!stopped) {
      let streamed = false;
      try {
        streamed = await listenOnce();
      } catch (e) {
        if (!stopped) options.log('change events interrupted', String(e));
      }
      if (stopped) break;
      wait = streamed ? first : Math.min(max, wait * 2);
      await sleep(wait);
    }
  })();

  return {
    stop() {
      stopped = true;
      controller?.abort();
      wakeSleep?.();
    },
  };
}
