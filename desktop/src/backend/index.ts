/**
 * The desktop backend: the same code in Electron's utilityProcess and in browser mode's host.
 * Today it provides the session, the sync status and this device; the offline cache and sync
 * engine (sync issue) add the catalog, inventory and orders handlers to the same map.
 */
import type { Backend, EventListener, EventName, EventOf, Handlers } from '../ipc/index.ts';
import type { BackendConfig } from './config.ts';
import { createConnectivity } from './connectivity.ts';
import { loadOrCreateDevice } from './device.ts';
import { sendRawToPrinter } from './raw-printer.ts';
import { createSavedSessions } from './saved-sessions.ts';
import { createSessionService } from './session.ts';

export type { BackendConfig } from './config.ts';

/** The handlers this backend provides today. */
export type ProvidedHandlers = Pick<
  Handlers,
  | 'session.signIn'
  | 'session.signOut'
  | 'session.current'
  | 'sync.status'
  | 'devices.current'
  | 'printing.raw'
>;

export async function createBackend(
  config: BackendConfig,
): Promise<Backend & { handlers: ProvidedHandlers }> {
  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: EventOf<E>) => {
    for (const listener of listeners) listener(event, payload);
  };

  const device = await loadOrCreateDevice(config);
  const sessions = createSessionService(config, createSavedSessions(config.dataDir), (s) =>
    emit('session.changed', s),
  );
  const connectivity = createConnectivity(config, (s) => emit('sync.status', s));
  await connectivity.start();

  const handlers: ProvidedHandlers = {
    'session.signIn': async (args) => {
      const session = await sessions.signIn(args);
      // A sign-in that had to go offline, or an online one, tells us the API's state right now.
      void connectivity.probeNow();
      return session;
    },
    'session.signOut': () => sessions.signOut(),
    'session.current': async () => sessions.current(),
    'sync.status': async () => connectivity.status(),
    'devices.current': async () => device,
    'printing.raw': ({ host, port, dataBase64 }) =>
      sendRawToPrinter({
        host,
        port,
        bytes: Buffer.from(dataBase64, 'base64'),
        timeoutMs: config.requestTimeoutMs,
      }),
  };

  return {
    handlers,
    currentSession: sessions.current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      connectivity.stop();
      listeners.clear();
    },
  };
}
