import { stockLevelId } from '@shoebox/sync/protocol';
import { MemoryServer, ServerHost } from '@shoebox/sync/testing';
import { afterEach, beforeEach } from 'vitest';
import { type Envelope, type HandlerName, handlerSpecs, type ResultOf } from '../../ipc/index.ts';
import { seedTestShop, type TestShop } from './test-shop.ts';
import { openTestDevice, type TestDevice } from './test-device.ts';

/**
 * The domain handlers' test bench: a fresh in-memory sync server with the test shop before each
 * test, devices with a real SQLite cache opened on it (closed after each test), and helpers that
 * call a handler and check its answer against the handler's result schema.
 */
export function handlerBench() {
  let server: MemoryServer;
  let host: ServerHost;
  let shop: TestShop;
  const devices: TestDevice[] = [];

  beforeEach(async () => {
    server = new MemoryServer('server-1', Date.now);
    host = new ServerHost(server);
    shop = await seedTestShop(server);
  });

  afterEach(async () => {
    for (const d of devices.splice(0)) await d.close();
  });

  return {
    get server() {
      return server;
    },
    get shop() {
      return shop;
    },
    async device(role: 'owner' | 'manager' | 'warehouse', synced = true): Promise<TestDevice> {
      const d = await openTestDevice(host, role);
      devices.push(d);
      if (synced) await d.engine.syncNow();
      return d;
    },
    /** The value of a successful call, checked against the handler's result schema. */
    async value<N extends HandlerName>(d: TestDevice, name: N, args: unknown = {}): Promise<ResultOf<N>> {
      const envelope: Envelope = await d.call(name, args);
      if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
      return handlerSpecs[name].result.parse(envelope.value) as ResultOf<N>;
    },
    async refusal(d: TestDevice, name: HandlerName, args: unknown = {}) {
      const envelope = await d.call(name, args);
      if (envelope.ok) throw new Error(`${name} should have been refused`);
      return envelope.error;
    },
    sku: (s: string) => shop.mila.variants[s] ?? '',
    serverOnHand: (variantId: string, locationId = shop.locations.main) =>
      server.get('stockLevel', stockLevelId(variantId, locationId))?.onHand,
    outboxSize: (d: TestDevice) =>
      (d.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
  };
}
