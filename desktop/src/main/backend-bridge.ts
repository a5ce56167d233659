/**
 * Main's part of the IPC: the backend runs in a utilityProcess (a crash or a slow query never
 * freezes the window); main forwards the renderer's calls to it and its events back. The few
 * handlers that need Electron itself (PDF printing, save dialogs) run here, through the same
 * dispatcher, with the session mirrored from the backend's `session.changed` events.
 */
import { type BrowserWindow, ipcMain, utilityProcess } from 'electron';
import {
  type Backend,
  dispatch,
  type Envelope,
  type Handlers,
  type Session,
  toIpcError,
} from '../ipc/index.ts';
import { EVENT_CHANNEL, type FromBackend, INVOKE_CHANNEL, type ToBackend } from '../ipc/electron.ts';
import type { BackendConfig } from '../backend/config.ts';
import { isTrustedSender } from './security.ts';

export function startBackendBridge(options: {
  entry: string;
  config: Omit<BackendConfig, 'log'>;
  window: () => BrowserWindow | undefined;
  mainHandlers: Partial<Handlers>;
}) {
  const child = utilityProcess.fork(options.entry, [JSON.stringify(options.config)], {
    serviceName: 'Shoebox backend',
    stdio: 'inherit',
  });
  const waiting = new Map<number, (envelope: Envelope) => void>();
  let nextId = 1;
  let session: Session | null = null;
  const ready = new Promise<void>((resolve) => {
    child.on('message', (message: FromBackend) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'result') {
        waiting.get(message.id)?.(message.envelope);
        waiting.delete(message.id);
      } else if (message.type === 'event') {
        if (message.event === 'session.changed') session = message.payload as Session | null;
        options.window()?.webContents.send(EVENT_CHANNEL, message.event, message.payload);
      }
    });
  });
  child.on('exit', (code) => {
    for (const reply of waiting.values())
      reply({
        ok: false,
        error: { kind: 'internal', code: 'IPC_INTERNAL', message: `The backend stopped (${code}).` },
      });
    waiting.clear();
  });

  const forward = async (name: string, args: unknown): Promise<Envelope> => {
    await ready;
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      child.postMessage({ type: 'invoke', id, name, args } satisfies ToBackend);
    });
  };

  const inMain: Backend = {
    handlers: options.mainHandlers,
    currentSession: () => session,
    subscribe: () => () => {},
    close: async () => {},
  };

  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, args: unknown): Promise<Envelope> => {
    if (!isTrustedSender(event.senderFrame?.url))
      return { ok: false, error: toIpcError(new Error('untrusted sender')) };
    const handlerName = String(name);
    return Object.hasOwn(options.mainHandlers, handlerName)
      ? dispatch(inMain, handlerName, args, (e) => console.error(e))
      : forward(handlerName, args);
  });

  return {
    async stop(): Promise<void> {
      child.postMessage({ type: 'stop' } satisfies ToBackend);
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
