/**
 * The backend's entry in Electron's utilityProcess: a Node process without a window, talking to
 * main through `process.parentPort`. Main passes the config as the first argument (JSON).
 */
import { dispatch } from '../ipc/dispatch.ts';
import type { FromBackend, ToBackend } from '../ipc/electron.ts';
import { type BackendConfig, createBackend } from './index.ts';

type Port = {
  on(event: 'message', listener: (e: { data: ToBackend }) => void): void;
  postMessage(message: FromBackend): void;
};

async function run(): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: parentPort exists only inside Electron's utility process
  const port = (process as any).parentPort as Port | undefined;
  if (!port) throw new Error('utility-process.ts runs inside Electron (utilityProcess.fork)');
  const config = JSON.parse(process.argv[2] ?? '{}') as Omit<BackendConfig, 'log'>;
  const backend = await createBackend({
    ...config,
    log: (level, message, extra) =>
      process.stderr.write(`[backend ${level}] ${message}${extra ? ` ${JSON.stringify(extra)}` : ''}\n`),
  });
  backend.subscribe((event, payload) => port.postMessage({ type: 'event', event, payload }));
  port.on('message', async ({ data }) => {
    if (data.type === 'stop') {
      await backend.close();
      process.exit(0);
    }
    if (data.type === 'invoke') {
      const envelope = await dispatch(backend, data.name, data.args, (e) =>
        process.stderr.write(`[backend error] ${e instanceof Error ? e.stack : String(e)}\n`),
      );
      port.postMessage({ type: 'result', id: data.id, envelope });
    }
  });
  port.postMessage({ type: 'ready' });
}

run().catch((e: unknown) => {
  process.stderr.write(`backend failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
