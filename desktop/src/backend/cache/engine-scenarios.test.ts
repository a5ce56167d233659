import type { Role } from '@shoebox/shared';
import { SyncClient } from '@shoebox/sync/client';
import { entityNames, fulfilmentEvents, rowKey, stockLevelId } from '@shoebox/sync/protocol';
import { visibleRow } from '@shoebox/sync/server';
import {
  createPrng,
  FaultyTransport,
  MemoryServer,
  Network,
  noFaults,
  type Prng,
  ServerHost,
  seedWorld,
  serverSideWrite,
  world,
} from '@shoebox/sync/testing';
import { describe, expect, it } from 'vitest';
import { openStore, type StoreKind } from './test-stores.ts';

/**
 * The sync client engine over the SQLite cache, through sync's fault-injecting transport and its
 * in-memory server: random work, lost and repeated packets, a device killed mid-push and
 * restarted from its file, server crashes, server-side writes. After the network heals the
 * mirror must equal the server, and the whole run must match the same seed over MemoryStore.
 */

const SEEDS = 30;
const STEPS = 60;

/** One thing a person does, planned from what the screen (the client's view) shows. */
const act = async (client: SyncClient, random: Prng, orderCount: number) => {
  const variantId = random.pick(world.variants);
  const locationId = random.pick(world.locations);
  const orderId = `o${random.int(1, orderCount)}`;
  switch (random.pick(['receive', 'adjust', 'count', 'transition', 'note'] as const)) {
    case 'receive':
      return client.mutate('inventory.receive', { variantId, locationId, quantity: random.int(1, 4) });
    case 'adjust':
      return client.mutate('inventory.adjust', {
        variantId,
        locationId,
        delta: random.pick([-3, -1, 2]),
        reason: 'damaged',
      });
    case 'count': {
      const level = await client.view.get('stockLevel', stockLevelId(variantId, locationId));
      const expectedOnHand = level?.onHand ?? 0;
      const counted = Math.max(0, expectedOnHand + random.int(-2, 2));
      return client.mutate('inventory.count', { variantId, locationId, counted, expectedOnHand });
    }
    case 'transition':
      return client.mutate('order.transition', { orderId, event: random.pick(fulfilmentEvents) });
    case 'note':
      return client.mutate('order.note', { orderId, noteId: `n${random.int(1, 1e6)}`, text: 'checked' });
  }
};

const runScenario = async (seed: number, kind: StoreKind) => {
  const random = createPrng(seed);
  let now = 1_750_000_000_000;
  const clock = { now: () => now };
  const server = new MemoryServer(`server-${seed}`, clock.now, random.next, {
    staleWrite: random.pick([0, 0.1]),
    lateCommit: random.pick([0, 0.2]),
    lateCommitMs: 1500,
  });
  const host = new ServerHost(server);
  const network = new Network();
  const orders = { n: 5 };
  await seedWorld(server, random);
  const role: Role = random.pick(['warehouse', 'manager'] as const);
  const p = random.pick([0, 0.1, 0.25]);
  const transport = new FaultyTransport(host.endpoint({ deviceId: 'd1', role }), network, random, {
    dropRequest: p,
    dropResponse: p,
    duplicate: p,
    delay: p / 2,
    staleReply: p / 2,
  });
  const disk = openStore(kind);
  const options = { pullLimit: random.pick([3, 500]), pushBatch: random.pick([1, 100]) };
  const start = async (store = disk.store) => {
    const client = new SyncClient({
      deviceId: 'd1',
      store,
      transport,
      clock,
      random: random.next,
      ...options,
    });
    await client.open();
    return client;
  };
  let client = await start();
  const made: string[] = [];
  const stats = { kills: 0, crashes: 0 };
  const restart = async () => {
    stats.kills += 1;
    transport.killed = false;
    client = await start(disk.reopen());
  };

  for (let step = 0; step < STEPS; step++) {
    now += random.int(10, 800);
    const roll = random.next();
    if (roll < 0.4) made.push((await act(client, random, orders.n)).id);
    else if (roll < 0.65) {
      if (random.chance(0.2)) transport.killDuringNextPush = true;
      await client.sync();
      if (transport.killed) await restart();
    } else if (roll < 0.77) await serverSideWrite(server, random, orders);
    else if (roll < 0.82) transport.offline = !transport.offline;
    else if (roll < 0.86) await restart();
    else if (roll < 0.91) {
      stats.crashes += 1;
      if (host.up) host.crashDuringNextPush(random.int(0, 2));
      else host.restart();
    } else await network.deliverOne(random);
  }

  // Heal: the server is back, late packets land, time passes the gap window, the device syncs.
  host.crash();
  host.restart();
  server.faults = {};
  await network.deliverAll(random);
  now += 20_000;
  transport.rates = noFaults;
  transport.offline = false;
  transport.killDuringNextPush = false;
  await client.sync();
  await client.sync();

  const expected = new Map<string, unknown>();
  for (const entity of entityNames)
    for (const row of server.all(entity)) expected.set(rowKey(entity, row.id), visibleRow(role, entity, row));
  const outcome = {
    mirror: new Map([...disk.mirrorRows()].sort(([a], [b]) => a.localeCompare(b))),
    expected: new Map([...expected].sort(([a], [b]) => a.localeCompare(b))),
    pending: client.status().pending,
    outbox: await disk.reopen().outbox(),
    attention: (await disk.reopen().attention()).map((a) => [a.envelope.id, a.result.code]).sort(),
    results: made.map((id) => server.results.get(`d1/${id}`)),
    applications: [...server.applications.values()],
    stats: { ...stats, made: made.length },
  };
  disk.close();
  return outcome;
};

const CHUNK = 10; // seeds per test, so a loaded machine stays far from the timeout

describe('SyncClient over the SQLite cache', () => {
  for (let first = 1; first <= SEEDS; first += CHUNK) {
    const last = Math.min(SEEDS, first + CHUNK - 1);
    it(`converges with the server and matches MemoryStore, seed for seed (seeds ${first}-${last})`, async () => {
      const totals = { made: 0, rejected: 0, kills: 0, crashes: 0 };
      for (let seed = first; seed <= last; seed++) {
        const sqlite = await runScenario(seed, 'sqlite');
        const memory = await runScenario(seed, 'memory');
        const label = `seed ${seed}`;
        expect(sqlite.mirror, label).toEqual(sqlite.expected);
        expect(sqlite.pending, label).toBe(0);
        expect(sqlite.outbox, label).toEqual([]);
        expect(sqlite.applications.every((n) => n === 1)).toBe(true);
        for (const [i, result] of sqlite.results.entries()) {
          expect(result, `${label}: mutation ${i} reached the server`).toBeDefined();
        }
        const rejected = sqlite.results
          .flatMap((r) => (r?.status === 'rejected' ? [[r.mutationId, r.code]] : []))
          .sort();
        expect(sqlite.attention, label).toEqual(rejected);
        // Same seed, same draws: a store that behaved differently would change the run.
        expect(sqlite, label).toEqual(memory);
        totals.made += sqlite.stats.made;
        totals.rejected += rejected.length;
        totals.kills += sqlite.stats.kills;
        totals.crashes += sqlite.stats.crashes;
      }
      // The runs must exercise the hard parts, or passing means little.
      expect(totals.made).toBeGreaterThan(CHUNK * 10);
      expect(totals.rejected).toBeGreaterThan(0);
      expect(totals.kills).toBeGreaterThan(CHUNK / 2);
      expect(totals.crashes).toBeGreaterThan(0);
    }, 120_000);
  }
});
