import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@shoebox/shared';
import { stockLevelId } from '@shoebox/sync/protocol';
import { MemoryServer, ServerHost } from '@shoebox/sync/testing';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../ipc/index.ts';
import { createBackend } from '../index.ts';
import { json, SyncHttpHost } from '../test-support/sync-http-host.ts';
import { seedTestShop, type TestShop } from '../test-support/test-shop.ts';

/**
 * The whole backend in plain Node against an HTTP server speaking the device contract: sign-in,
 * device registration, pull and push over HTTP, the change events waking it, a stop of the
 * server and its return, a refused credential, and a revoked device. Polling is set to a minute,
 * so a prompt pull can only come from the event stream or the health probe.
 */

const staff = { id: newId(), email: 'wanda@shop.test', name: 'Wanda', role: 'warehouse' as const };
const later = () => new Date(Date.now() + 3_600_000).toISOString();

let memory: MemoryServer;
let http: SyncHttpHost;
let shop: TestShop;
let dataDir: string;
let backend: Awaited<ReturnType<typeof createBackend>>;
const events: { event: EventName; payload: unknown }[] = [];

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function call(name: keyof typeof backend.handlers, args: unknown = {}): Promise<any> {
  return (backend.handlers[name] as (a: any) => Promise<unknown>)(args);
}

const serverOnHand = (sku: string) =>
  memory.get('stockLevel', stockLevelId(shop.mila.variants[sku] ?? '', shop.locations.main))?.onHand;

beforeAll(async () => {
  memory = new MemoryServer('http-server', Date.now);
  shop = await seedTestShop(memory);
  http = new SyncHttpHost(new ServerHost(memory), {
    staffRole: (token) => (token.startsWith('access-') ? 'warehouse' : null),
    otherRoutes(req, res) {
      if (req.url === '/healthz') {
        json(res, 200, { ok: true });
        return true;
      }
      if (req.url === '/admin/auth/sign-in' || req.url === '/admin/auth/refresh') {
        json(res, 200, {
          accessToken: `access-${newId()}`,
          accessTokenExpiresAt: later(),
          refreshToken: `refresh-${newId()}`,
          refreshTokenExpiresAt: later(),
          user: { ...staff, active: true, createdAt: new Date().toISOString() },
          permissions: ['catalog:read', 'inventory:read', 'inventory:adjust', 'orders:read'],
        });
        return true;
      }
      return false;
    },
  });
  await http.listen();
  dataDir = mkdtempSync(join(tmpdir(), 'shoebox-backend-http-'));
  backend = await createBackend(
    {
      apiUrl: http.url,
      dataDir,
      shopName: 'Test shop',
      mode: 'browser',
      appVersion: '0.0.0-test',
      probeIntervalMs: 100,
      requestTimeoutMs: 2000,
      log: () => {},
    },
    { pollMs: 60_000 },
  );
  backend.subscribe((event, payload) => events.push({ event, payload }));
});

afterAll(async () => {
  await backend?.close();
  await http?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the backend against an HTTP sync server', () => {
  it('registers the device after sign-in, keeps the credential private, and pulls the shop', async () => {
    await call('session.signIn', { email: staff.email, password: 'correct horse battery' });
    await until(() => statSync(join(dataDir, 'device-credential.json')).isFile(), 'the device to register');
    const device = await call('devices.current');
    expect(http.devices.get(device.id)).toMatchObject({ name: device.name, mode: 'browser', revoked: false });
    expect(statSync(join(dataDir, 'device-credential.json')).mode & 0o777).toBe(0o600);
    await until(async () => (await call('catalog.products')).total === 2, 'the first pull');
    expect(events.some((e) => e.event === 'sync.status')).toBe(true);
  });

  it('pulls at once when the server announces a change', async () => {
    await memory.serverWrite((tx) => {
      const p = memory.get('product', shop.mila.id);
      if (p) tx.put('product', { ...p, name: 'Mila Classic', version: 2 });
    });
    await http.announce();
    await until(
      async () => (await call('catalog.product', { productId: shop.mila.id })).name === 'Mila Classic',
      'the announced change',
    );
  });

  it('keeps taking adjustments while the server is down and pushes them when it returns', async () => {
    http.host.crash();
    await until(() => backend.engine.status().state === 'offline', 'offline');
    const adjust = {
      variantId: shop.mila.variants['MILA-NUDE-38'],
      locationId: shop.locations.main,
      reason: 'damage',
    };
    await call('inventory.adjust', { ...adjust, delta: -1 });
    await call('inventory.adjust', { ...adjust, delta: -1 });
    expect(backend.engine.status().pending).toBe(2);
    expect(serverOnHand('MILA-NUDE-38')).toBe(5);
    http.host.restart();
    await until(() => serverOnHand('MILA-NUDE-38') === 3, 'the queued adjustments on the server');
    await until(() => backend.engine.status().pending === 0, 'an empty outbox');
  });

  it('registers again when the server no longer knows its credential', async () => {
    http.rotateCredentials();
    const before = [...http.devices.values()][0]?.credential;
    await call('inventory.adjust', {
      variantId: shop.mila.variants['MILA-BLACK-38'],
      locationId: shop.locations.main,
      reason: 'found',
      delta: 1,
    });
    await until(() => serverOnHand('MILA-BLACK-38') === 5, 'the adjustment after registering again');
    expect([...http.devices.values()][0]?.credential).not.toBe(before);
  });

  it('wipes the cache and signs out, saying why, when the device is revoked', async () => {
    const device = await call('devices.current');
    http.revoke(device.id);
    await call('inventory.adjust', {
      variantId: shop.mila.variants['MILA-NUDE-40'],
      locationId: shop.locations.main,
      reason: 'loss',
      delta: -1,
    });
    await until(() => events.some((e) => e.event === 'session.ended'), 'the sign-out');
    expect(backend.currentSession()).toBeNull();
    expect(events.find((e) => e.event === 'session.ended')?.payload).toMatchObject({
      code: 'DEVICE_REVOKED',
    });
    const file = new Database(join(dataDir, 'cache.sqlite'), { readonly: true });
    const count = (table: string) =>
      (file.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('outbox'), count('mirror_product'), count('mirror_order')]).toEqual([0, 0, 0]);
    file.close();
    expect(serverOnHand('MILA-NUDE-40')).toBe(3);
    expect(() => statSync(join(dataDir, 'device-credential.json'))).toThrow();
  });
});
