/**
 * A desktop backend's engine and handler maps over a real SQLite cache file, talking to sync's
 * in-memory server through the device transport, with a network that can go down and a server
 * that can revoke the device. Sign-in is a stub: these tests are about the cache and sync.
 */
import { join } from 'node:path';
import { DomainError, newId, permissionsOf, type Role } from '@shoebox/shared';
import type { ServerHost } from '@shoebox/sync/testing';
import type Database from 'better-sqlite3';
import { type Backend, dispatch, type Session, type SyncStatus } from '../../ipc/index.ts';
import { openCacheDatabase } from '../cache/database.ts';
import { tempDir } from '../cache/test-stores.ts';
import { createFulfillment } from '../fulfillment/index.ts';
import { createDomainHandlers } from '../handlers/index.ts';
import { createServerCatalog } from '../server-catalog.ts';
import { createServerReads } from '../server-reads.ts';
import { createDeviceTransport } from '../sync/device-transport.ts';
import { createSyncEngine } from '../sync/engine.ts';

export interface Network {
  up: boolean;
  revoked: boolean;
}

export async function openTestDevice(host: ServerHost, role: Role) {
  const temp = tempDir();
  const file = join(temp.dir, 'cache.sqlite');
  const db: Database.Database = openCacheDatabase(file);
  const deviceId = newId();
  const net: Network = { up: true, revoked: false };
  let session: Session | null = sessionOf(role);
  // The server scopes a request by the signed-in staff member's role, as store-api does by token.
  const endpoint = () => host.endpoint({ deviceId, role: session?.user.role ?? role });
  const gate = () => {
    if (!net.up) throw new Error('network down');
    if (net.revoked)
      throw DomainError.from({
        kind: 'forbidden',
        code: 'DEVICE_REVOKED',
        message: 'This device was revoked.',
      });
  };
  const auth = { accessToken: async () => 'token', renew: async () => 'token' };
  let forgotten = 0;
  const registration = {
    credential: async () => 'credential',
    register: async () => 'credential',
    forget: async () => {
      forgotten += 1;
    },
  };
  const revokedWith: string[] = [];
  const statuses: SyncStatus[] = [];
  const engine = await createSyncEngine({
    deviceId,
    db,
    apiUrl: 'http://shop.test',
    transport: (hooks) =>
      createDeviceTransport(
        () => ({
          pull: async (r) => {
            gate();
            return endpoint().pull(r);
          },
          push: async (r) => {
            gate();
            return endpoint().push(r);
          },
        }),
        auth,
        registration,
        hooks,
      ),
    forgetCredential: registration.forget,
    async onRevoked(message) {
      session = null;
      revokedWith.push(message);
    },
    onStatus: (s) => statuses.push(s),
    log: () => {},
  });
  // The API itself is "not there" for the server-only reads (port 9 refuses at once).
  const server = createServerReads(
    { apiUrl: 'http://127.0.0.1:9', requestTimeoutMs: 2000, log: () => {} },
    auth,
    () => net.up,
  );
  const catalogApi = createServerCatalog(
    { apiUrl: 'http://127.0.0.1:9', requestTimeoutMs: 2000, log: () => {} },
    auth,
  );
  const fulfillment = createFulfillment({
    db,
    engine,
    config: { apiUrl: 'http://127.0.0.1:9', requestTimeoutMs: 2000, log: () => {} },
    auth,
    deviceId,
    online: () => net.up,
  });
  const handlers = createDomainHandlers({
    db,
    engine,
    server,
    catalogApi,
    session: () => session,
    fulfillment,
  });
  const backend: Backend = {
    handlers,
    currentSession: () => session,
    subscribe: () => () => {},
    close: async () => {},
  };

  return {
    deviceId,
    db,
    file,
    net,
    engine,
    statuses,
    revokedWith,
    forgotten: () => forgotten,
    /** Signs someone else in on this device (the mirror stays as it was pulled). */
    signIn(next: Role) {
      session = sessionOf(next);
    },
    session: () => session,
    /** A call as the renderer makes it: access, argument schema, handler; the envelope back. */
    call: (name: string, args: unknown = {}) => dispatch(backend, name, args, (e) => console.error(e)),
    async close() {
      await engine.close();
      db.close();
      temp.remove();
    },
  };
}
export type TestDevice = Awaited<ReturnType<typeof openTestDevice>>;

const sessionOf = (role: Role): Session => ({
  user: { id: newId(), email: `${role}@shop.test`, name: role, role },
  permissions: permissionsOf(role),
  shopName: 'Test shop',
  signedInAt: new Date().toISOString(),
  offline: false,
});
