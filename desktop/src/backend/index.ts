/**
 * The desktop backend: the same code in Electron's utilityProcess and in browser mode's host.
 * It owns the offline cache (SQLite), the sync engine that keeps it in step with store-api, and
 * the handler maps per domain that the renderer calls; every warehouse action reads and writes
 * the cache, so it works offline.
 */
import { join } from 'node:path';
import { roleHas } from '@shoebox/shared';
import type { Backend, EventListener, EventName, EventOf, Handlers } from '../ipc/index.ts';
import { openCacheDatabase } from './cache/database.ts';
import type { BackendConfig } from './config.ts';
import { createConnectivity } from './connectivity.ts';
import { loadOrCreateDevice } from './device.ts';
import { createFulfillment } from './fulfillment/index.ts';
import { createDomainHandlers } from './handlers/index.ts';
import type { SyncEngine } from './sync/engine.ts';
import { sendRawToPrinter } from './raw-printer.ts';
import { createSavedSessions } from './saved-sessions.ts';
import { createServerCatalog } from './server-catalog.ts';
import { createServerReads } from './server-reads.ts';
import { createSessionService } from './session.ts';
import { createDeviceRegistration } from './sync/device-registration.ts';
import { createSyncEngine, type SyncEngineOptions } from './sync/engine.ts';
import { createHttpSync } from './sync/http-sync.ts';
import { createSyncAuth } from './sync/sync-auth.ts';

export type { BackendConfig } from './config.ts';

/** Everything but PDF printing, which needs Electron's main process. */
export type ProvidedHandlers = Omit<
  Handlers,
  'printing.printers' | 'printing.pdf' | 'printing.savePdf' | 'printing.saveFile'
>;

/** Replaceable parts, for tests: the sync connection (default: HTTP + SSE to `apiUrl`), the health probe. */
export interface BackendParts {
  sync?: Pick<SyncEngineOptions, 'transport' | 'listen'>;
  probe?: boolean;
  pollMs?: number;
}

const REVOKED_MESSAGE =
  'This device was removed from the shop by an owner, so its saved data was wiped and you were signed out. Ask an owner if this is a mistake.';

export async function createBackend(
  config: BackendConfig,
  parts: BackendParts = {},
): Promise<Backend & { handlers: ProvidedHandlers; engine: SyncEngine }> {
  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: EventOf<E>) => {
    for (const listener of listeners) listener(event, payload);
  };

  const device = await loadOrCreateDevice(config);
  const saved = createSavedSessions(config.dataDir);
  const db = openCacheDatabase(join(config.dataDir, 'cache.sqlite'));
  // The engine follows the session: it syncs for whoever is signed in, and pauses at sign-out
  // (pending changes stay in the outbox for the next sign-in).
  let onSession: (role: string | null) => void = () => {};
  const sessions = createSessionService(config, saved, (s) => {
    emit('session.changed', s);
    onSession(s?.user.role ?? null);
  });
  const auth = createSyncAuth(config, sessions, saved);
  const registration = createDeviceRegistration({
    apiUrl: config.apiUrl,
    dataDir: config.dataDir,
    device,
    timeoutMs: config.requestTimeoutMs,
  });
  const http = createHttpSync({
    apiUrl: config.apiUrl,
    auth,
    registration,
    timeoutMs: Math.max(config.requestTimeoutMs, 20_000),
    log: (message, extra) => config.log('info', message, extra),
  });
  const engine = await createSyncEngine({
    deviceId: device.id,
    db,
    apiUrl: config.apiUrl,
    transport: parts.sync?.transport ?? http.transport,
    ...(parts.sync ? (parts.sync.listen ? { listen: parts.sync.listen } : {}) : { listen: http.listen }),
    forgetCredential: () => registration.forget(),
    async onRevoked(message) {
      config.log('warn', 'device revoked by the server', { message });
      await sessions.signOut();
      await saved.wipeAll();
      emit('session.ended', { code: 'DEVICE_REVOKED', message: REVOKED_MESSAGE });
    },
    onStatus: (status) => emit('sync.status', status),
    log: config.log,
    ...(parts.pollMs === undefined ? {} : { pollMs: parts.pollMs }),
  });
  const online = () => engine.status().state !== 'offline';
  const fulfillment = createFulfillment({ db, engine, config, auth, deviceId: device.id, online });
  onSession = (role) => {
    const session = sessions.current();
    if (role && session) {
      void engine.start(session.user.role);
      // At sign-in: a tracking block for offline labels, when this role may print them.
      if (roleHas(session.user.role, 'labels:print')) void fulfillment.refill.ifLow();
    } else void engine.stop();
  };

  const connectivity = createConnectivity(config, (up) => engine.observeProbe(up));
  if (parts.probe !== false) await connectivity.start();

  const server = createServerReads(config, auth, online);

  const handlers: ProvidedHandlers = {
    'session.signIn': async (args) => {
      const session = await sessions.signIn(args);
      // A sign-in that had to go offline, or an online one, tells us the API's state right now.
      if (parts.probe !== false) void connectivity.probeNow();
      return session;
    },
    'session.signOut': () => sessions.signOut(),
    'session.current': async () => sessions.current(),
    'devices.current': async () => device,
    'printing.raw': ({ host, port, dataBase64 }) =>
      sendRawToPrinter({
        host,
        port,
        bytes: Buffer.from(dataBase64, 'base64'),
        timeoutMs: config.requestTimeoutMs,
      }),
    ...createDomainHandlers({
      db,
      engine,
      server,
      catalogApi: createServerCatalog(config, auth),
      session: sessions.current,
      fulfillment,
    }),
  };

  return {
    handlers,
    engine,
    currentSession: sessions.current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      connectivity.stop();
      await engine.close();
      db.close();
      listeners.clear();
    },
  };
}
