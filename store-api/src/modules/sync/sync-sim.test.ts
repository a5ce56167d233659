/**
 * The sync simulation against the real store-api (sync/src/sim runs the same engine against the
 * in-memory reference server, 500 seeds): three desktops (two warehouse, one manager) run sync's
 * client engine over HTTP with seeded faults (requests and answers lost, duplicated, delivered
 * late and out of order, stale pull answers, a desktop killed mid-push and restarted from its
 * disk), while the back office writes meanwhile. After healing: every mirror equals the server
 * as the device's role sees it, no mutation was applied twice, stock is never negative and
 * equals its ledger, and every rejection is in its desktop's "Needs attention" list.
 *
 * SYNC_API_SEEDS seeds per dialect (20 by default); SYNC_SEED=n replays one with its trace.
 */
import { DomainError, isDomainError, type Role } from '@shoebox/shared';
import { SyncClient } from '@shoebox/sync/client';
import { type AnyRow, type EntityName, fulfilmentEvents, pullQuery, rowKey } from '@shoebox/sync/protocol';
import { visibleRow } from '@shoebox/sync/server';
import {
  createPrng,
  emptyDisk,
  type Endpoint,
  FaultyTransport,
  type LocalDisk,
  MemoryStore,
  Network,
  noFaults,
  type Prng,
  Unreachable,
} from '@shoebox/sync/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import {
  type DeviceFixture,
  registerDevice,
  type SyncShop,
  syncShop,
} from '../../test-support/sync-fixtures.ts';
import { loadSyncRows } from './sync-rows.ts';

const env = process.env;
const single = env.SYNC_SEED ? Number(env.SYNC_SEED) : null;
const seeds =
  single !== null ? [single] : Array.from({ length: Number(env.SYNC_API_SEEDS ?? 20) }, (_, i) => i + 1);
const STEPS = 40;

interface SimDevice {
  fixture: DeviceFixture;
  role: Role;
  disk: LocalDisk;
  transport: FaultyTransport;
  client: SyncClient;
  made: string[];
}

/** sync's Endpoint over HTTP, as the desktop's transport speaks it: a problem+json is a refusal. */
function httpEndpoint(t: TestApp, d: DeviceFixture): Endpoint {
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${t.baseUrl}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${d.token}`,
        'x-device-credential': d.credential,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.headers.get('content-type')?.startsWith('application/problem+json')) {
      const p = JSON.parse(text) as { code: string; detail?: string; details?: Record<string, unknown> };
      throw DomainError.from({
        kind: res.status === 409 ? 'conflict' : 'validation',
        code: p.code,
        message: p.detail ?? p.code,
        ...(p.details ? { details: p.details } : {}),
      });
    }
    if (!res.ok) throw new Unreachable(`${method} ${url}: ${res.status}`);
    return JSON.parse(text) as unknown;
  };
  return {
    pull: (body) => call('GET', `/sync/pull?${new URLSearchParams(pullQuery(body as never))}`),
    push: (body) => call('POST', '/sync/push', body),
  };
}

describe(`sync simulation against store-api (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Every row the server holds now, in sync's shapes. */
  const serverRows = async (): Promise<Map<string, { entity: EntityName; row: AnyRow }>> => {
    const keys: { entity: EntityName; id: string }[] = [];
    const ids = async (entity: EntityName, query: ReturnType<typeof sql>) => {
      for (const r of await t.store.rows<{ id: string }>(query)) keys.push({ entity, id: r.id });
    };
    await ids('brand', sql`select id from brands`);
    await ids('category', sql`select id from categories`);
    await ids('colour', sql`select id from colours`);
    await ids('product', sql`select id from products`);
    await ids('variant', sql`select id from variants`);
    await ids('location', sql`select id from stock_locations`);
    await ids('bin', sql`select id from bins`);
    await ids('order', sql`select id from orders`);
    await ids('orderLine', sql`select id from order_lines`);
    await ids('orderNote', sql`select id from order_events where type = 'note'`);
    for (const r of await t.store.rows<{ v: string; l: string }>(
      sql`select variant_id as v, location_id as l from stock_levels`,
    ))
      keys.push({ entity: 'stockLevel', id: `${r.v}:${r.l}` });
    const rows = await loadSyncRows(t.store.db, t.store, keys);
    return new Map(
      keys.map((k) => [rowKey(k.entity, k.id), { entity: k.entity, row: rows.get(rowKey(k.entity, k.id))! }]),
    );
  };

  const act = async (d: SimDevice, shop: SyncShop, random: Prng) => {
    const variantId = random.pick(shop.product.variants).id;
    const locationId = random.pick([shop.locationId, shop.secondLocationId]);
    const orderId = random.pick([shop.toShipOrderId, shop.pendingOrderId]);
    const level = await d.client.view.get('stockLevel', `${variantId}:${locationId}`);
    const kind = random.pick([
      'receive',
      'adjust',
      'transfer',
      'count',
      'transition',
      'note',
      'product',
    ] as const);
    const mutate = (name: string, args: unknown) => d.client.mutate(name as never, args as never);
    const made = await (async () => {
      switch (kind) {
        case 'receive':
          return mutate('inventory.receive', { variantId, locationId, quantity: random.int(1, 4) });
        case 'adjust':
          return mutate('inventory.adjust', {
            variantId,
            locationId,
            delta: random.pick([-3, -1, 1, 2]),
            reason: 'damaged',
          });
        case 'transfer': {
          const to = locationId === shop.locationId ? shop.secondLocationId : shop.locationId;
          return mutate('inventory.transfer', {
            variantId,
            fromLocationId: locationId,
            toLocationId: to,
            quantity: random.int(1, 3),
          });
        }
        case 'count': {
          const expectedOnHand = level?.onHand ?? 0;
          return mutate('inventory.count', {
            variantId,
            locationId,
            counted: Math.max(0, expectedOnHand + random.int(-2, 2)),
            expectedOnHand,
          });
        }
        case 'transition':
          return mutate('order.transition', { orderId, event: random.pick(fulfilmentEvents) });
        case 'note':
          return mutate('order.note', { orderId, noteId: newNoteId(random), text: 'checked' });
        case 'product': {
          const product = await d.client.view.get('product', shop.product.id);
          if (!product) return null;
          const material = random.pick(['suede', 'satin', 'leather']);
          return mutate('product.update', {
            productId: product.id,
            baseVersion: product.version,
            fields: { material },
            base: { material: product.material },
          });
        }
      }
    })().catch((error: unknown) => {
      if (isDomainError(error)) return null; // refused on the device (e.g. invalid args): never queued
      throw error;
    });
    if (made) d.made.push(made.id);
  };

  /** The back office at work meanwhile: stock received and products edited through the admin API. */
  const backOffice = async (shop: SyncShop, random: Prng) => {
    const variantId = random.pick(shop.product.variants).id;
    if (random.chance(0.5)) {
      await t.call('POST', '/admin/inventory/receive', {
        token: t.tokens.owner,
        body: { locationId: shop.locationId, lines: [{ variantId, quantity: random.int(1, 3) }] },
      });
    } else {
      await t.call('PATCH', `/admin/products/${shop.product.id}`, {
        token: t.tokens.owner,
        body: { description: `Edited ${random.int(1, 1000)}` },
      });
    }
  };

  const run = async (seed: number) => {
    const random = createPrng(seed);
    let now = Date.now();
    const clock = { now: () => now };
    const shop = await syncShop(t);
    const network = new Network();
    const trace: string[] = [];
    const roles: Role[] = ['warehouse', 'warehouse', 'manager'];
    const devices: SimDevice[] = [];
    const start = async (d: Omit<SimDevice, 'client'>) => {
      const client = new SyncClient({
        deviceId: d.fixture.id,
        store: new MemoryStore(d.disk),
        transport: d.transport,
        clock,
        random: random.next,
        pullLimit: random.pick([7, 50, 500]),
        pushBatch: random.pick([1, 4, 100]),
        pollMs: 0,
      });
      await client.open();
      return client;
    };
    for (const role of roles) {
      const fixture = await registerDevice(t, t.tokens[role]);
      const transport = new FaultyTransport(httpEndpoint(t, fixture), network, random);
      const p = random.pick([0, 0.05, 0.15]);
      transport.rates = { dropRequest: p, dropResponse: p, duplicate: p, delay: p / 2, staleReply: p / 2 };
      const partial = { fixture, role, disk: emptyDisk(), transport, made: [] as string[] };
      devices.push({ ...partial, client: await start(partial) });
    }
    for (let step = 0; step < STEPS; step++) {
      now += random.int(10, 2_000);
      const d = random.pick(devices);
      const roll = random.next();
      if (roll < 0.4) {
        await act(d, shop, random);
        trace.push(`${step} ${d.role} made ${d.made.at(-1) ?? 'nothing'}`);
      } else if (roll < 0.7) {
        if (random.chance(0.2)) d.transport.killDuringNextPush = true;
        await d.client.sync();
        trace.push(`${step} ${d.role} synced: ${d.client.status().lastError?.code ?? 'ok'}`);
        if (d.transport.killed) {
          d.transport.killed = false;
          d.client = await start(d);
          trace.push(`${step} ${d.role} killed mid-push, restarted from disk`);
        }
      } else if (roll < 0.82) {
        await backOffice(shop, random);
        trace.push(`${step} back office write`);
      } else if (roll < 0.88) {
        d.transport.offline = !d.transport.offline;
      } else {
        await network.deliverOne(random);
        trace.push(`${step} late delivery`);
      }
    }
    // Heal: late packets land, faults stop, everyone syncs twice (push, then pull the others' work).
    await network.deliverAll(random);
    for (const d of devices) {
      d.transport.rates = noFaults;
      d.transport.offline = false;
      d.transport.killDuringNextPush = false;
    }
    now += 60_000;
    for (let round = 0; round < 2; round++) for (const d of devices) await d.client.sync();
    return { devices, trace, problems: await problemsOf(devices) };
  };

  const problemsOf = async (devices: SimDevice[]): Promise<string[]> => {
    const problems: string[] = [];
    // Stock never negative, and every level equals the sum of its ledger.
    const levels = await t.store.rows<{
      v: string;
      l: string;
      on_hand: number | string;
      reserved: number | string;
      oh: number | string | null;
      rs: number | string | null;
    }>(sql`
      select s.variant_id as v, s.location_id as l, s.on_hand, s.reserved,
        (select sum(on_hand_delta) from stock_movements m where m.variant_id = s.variant_id and m.location_id = s.location_id) as oh,
        (select sum(reserved_delta) from stock_movements m where m.variant_id = s.variant_id and m.location_id = s.location_id) as rs
      from stock_levels s`);
    for (const r of levels) {
      const [onHand, reserved] = [Number(r.on_hand), Number(r.reserved)];
      if (onHand < 0 || reserved < 0 || onHand < reserved)
        problems.push(`stock ${r.v}:${r.l} negative: ${onHand}/${reserved}`);
      if (onHand !== Number(r.oh ?? 0) || reserved !== Number(r.rs ?? 0))
        problems.push(`stock ${r.v}:${r.l} is ${onHand}/${reserved}, the ledger sums to ${r.oh}/${r.rs}`);
    }
    const server = await serverRows();
    for (const d of devices) {
      const name = `${d.role} ${d.fixture.id}`;
      for (const [key, { entity, row }] of server) {
        const mine = d.disk.mirror.get(key);
        const expected = visibleRow(d.role, entity, row);
        if (!mine) problems.push(`${name}: missing ${key}`);
        else if (JSON.stringify(sorted(mine)) !== JSON.stringify(sorted(expected)))
          problems.push(`${name}: ${key} is ${JSON.stringify(mine)}, server has ${JSON.stringify(expected)}`);
      }
      for (const key of d.disk.mirror.keys())
        if (!server.has(key)) problems.push(`${name}: ${key} is gone on the server`);
      if (d.disk.outbox.length > 0) problems.push(`${name}: ${d.disk.outbox.length} still in the outbox`);
      const attention = new Map(d.disk.attention.map((a) => [a.envelope.id, a.result.code]));
      for (const id of d.made) {
        const results = await t.store.rows<{ status: string; result: unknown }>(
          sql`select status, result from sync_results where device_id = ${d.fixture.id} and mutation_id = ${id}`,
        );
        const [moves] = await t.store.rows<{ n: number | string }>(
          sql`select count(*) as n from stock_movements where reference = ${id}`,
        );
        if (Number(moves?.n) > 2) problems.push(`${name}: mutation ${id} moved stock ${moves?.n} times`);
        if (results.length !== 1) {
          problems.push(`${name}: mutation ${id} has ${results.length} results on the server`);
          continue;
        }
        const result = (
          typeof results[0]!.result === 'string' ? JSON.parse(results[0]!.result) : results[0]!.result
        ) as { status: string; code?: string };
        if (result.status === 'rejected' && attention.get(id) !== result.code)
          problems.push(`${name}: rejected ${id} (${result.code}) is not in "Needs attention"`);
        if (result.status === 'applied' && attention.has(id))
          problems.push(`${name}: applied ${id} listed as needing attention`);
      }
    }
    return problems;
  };

  it(`converges for ${seeds.length} seeds: mirrors equal the server, nothing applied twice, stock equals its ledger, rejections kept`, {
    timeout: 600_000,
  }, async () => {
    const totals = { mutations: 0, rejected: 0 };
    for (const seed of seeds) {
      const { devices, trace, problems } = await run(seed);
      if (problems.length > 0) {
        const replay = `SYNC_SEED=${seed} npx vitest run store-api/src/modules/sync/sync-sim.test.ts --project api-${testDialect}`;
        expect.fail(
          [
            `seed ${seed} failed; replay: ${replay}`,
            ...problems.slice(0, 15),
            ...(single !== null ? trace : []),
          ].join('\n'),
        );
      }
      for (const d of devices) {
        totals.mutations += d.made.length;
        totals.rejected += d.disk.attention.length;
      }
    }
    console.log(
      `sync simulation (${testDialect}): ${seeds.length} seeds, ${totals.mutations} mutations, ${totals.rejected} rejected`,
    );
    // The runs must exercise the hard parts, or passing means little.
    expect(totals.mutations).toBeGreaterThan(seeds.length * 5);
    if (seeds.length >= 10) expect(totals.rejected).toBeGreaterThan(0);
  });
});

const sorted = (row: object): object =>
  Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Note ids the device makes (UUID-sized, as order_events ids are). */
const newNoteId = (random: Prng): string =>
  `0190${Array.from({ length: 4 }, () => random.int(0, 0xffff).toString(16).padStart(4, '0')).join('')}-0000-7000-8000-${random.int(0, 0xffffff).toString(16).padStart(12, '0')}`;
