import { DomainError, type Role } from '@shoebox/shared';
import { describe, expect, it } from 'vitest';
import { openShop } from '../test-support/shop.ts';
import { type Endpoint, FaultyTransport, Network } from '../testing/faulty-transport.ts';
import { MemoryStore } from '../testing/memory-store.ts';
import { createPrng } from '../testing/prng.ts';
import { ServerHost } from '../testing/server-host.ts';
import { backoffDelay } from './backoff.ts';
import { SyncClient, type SyncStatus } from './engine.ts';

const setup = async (role: Role = 'warehouse') => {
  const shop = await openShop();
  const host = new ServerHost(shop.server);
  const random = createPrng(7);
  const calls = { pull: 0, push: 0 };
  /** Set to make the server refuse every request with this error (as problem+json would). */
  const refuse: { with: DomainError | null } = { with: null };
  const real = host.endpoint({ deviceId: 'dev-1', role });
  const endpoint: Endpoint = {
    pull: async (body) => {
      calls.pull += 1;
      if (refuse.with) throw refuse.with;
      return real.pull(body);
    },
    push: async (body) => {
      calls.push += 1;
      if (refuse.with) throw refuse.with;
      return real.push(body);
    },
  };
  const transport = new FaultyTransport(endpoint, new Network(), random);
  const store = new MemoryStore();
  const clock = { now: () => shop.clock.t };
  const start = async () => {
    const client = new SyncClient({
      deviceId: 'dev-1',
      store: new MemoryStore(store.disk),
      transport,
      clock,
      random: random.next,
    });
    await client.open();
    return client;
  };
  const client = await start();
  await client.sync();
  return { shop, host, transport, store, client, calls, start, refuse };
};

const onHand = async (client: SyncClient, id = 'v1:L1') => (await client.view.get('stockLevel', id))?.onHand;

describe('SyncClient', () => {
  it('keeps working offline: the intent is durable, shows in the view, and waits in the outbox', async () => {
    const { shop, transport, store, client } = await setup();
    const before = await onHand(client);
    transport.offline = true;
    await client.mutate('inventory.receive', { variantId: 'v1', locationId: 'L1', quantity: 3 });
    await client.sync();
    expect(store.disk.outbox).toHaveLength(1);
    expect(await onHand(client)).toBe((before ?? 0) + 3);
    expect(client.pendingRows().get('stockLevel/v1:L1')).toMatchObject({ onHand: (before ?? 0) + 3 });
    expect(store.disk.mirror.get('stockLevel/v1:L1')).toMatchObject({ onHand: before });
    expect(client.status()).toMatchObject({
      online: false,
      pending: 1,
      lastError: { code: 'SYNC_UNREACHABLE' },
    });
    expect(shop.server.results.size).toBe(0);
  });

  it('converges when the server is back: pushed once, pulled, and the outbox empties', async () => {
    const { shop, transport, store, client } = await setup();
    transport.offline = true;
    await client.mutate('inventory.receive', { variantId: 'v1', locationId: 'L1', quantity: 3 });
    await client.sync();
    transport.offline = false;
    shop.clock.t += 120_000;
    await client.tick();
    expect(store.disk.outbox).toEqual([]);
    expect(store.disk.mirror.get('stockLevel/v1:L1')).toEqual(shop.server.get('stockLevel', 'v1:L1'));
    expect(await onHand(client)).toBe(shop.server.get('stockLevel', 'v1:L1')?.onHand);
    expect(client.status()).toMatchObject({
      online: true,
      pending: 0,
      lastSyncAt: shop.clock.t,
      lastError: null,
    });
    expect([...shop.server.applications.values()]).toEqual([1]);
  });

  it('backs off exponentially with jitter, and tick does not call the server before it is time', async () => {
    const { shop, transport, client, calls } = await setup();
    transport.offline = true;
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await client.sync();
      waits.push(client.status().nextAttemptAt - shop.clock.t);
    }
    waits.forEach((wait, i) => {
      const ceiling = 1000 * 2 ** (i + 1);
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
    });
    transport.offline = false;
    const pulls = calls.pull;
    await client.tick();
    expect(calls.pull).toBe(pulls);
    client.notify(); // the server says there is something to pull
    await client.tick();
    expect(calls.pull).toBe(pulls + 1);
  });

  it('replays pending mutations on top of a newer mirror (rebase), and drops them once pulled', async () => {
    const { shop, transport, store, client, start } = await setup();
    await shop.setStock('v1', 'L1', 10);
    await client.sync();
    transport.offline = true;
    await client.mutate('inventory.adjust', {
      variantId: 'v1',
      locationId: 'L1',
      delta: -2,
      reason: 'damaged',
    });
    expect(await onHand(client)).toBe(8);
    await shop.setStock('v1', 'L1', 6); // sold meanwhile on the web
    // The mirror catches up (as a pull by this device would) while the adjust is still pending.
    const rows = await shop.server.loadRows([{ entity: 'stockLevel', id: 'v1:L1' }]);
    const row = rows.get('stockLevel/v1:L1');
    if (!row) throw new Error('no row');
    await store.applyPage(
      [{ op: 'upsert', entity: 'stockLevel', id: 'v1:L1', seq: 99, row }],
      store.disk.cursor ?? '',
      0,
    );
    const reopened = await start();
    expect(await onHand(reopened)).toBe(4);
    transport.offline = false;
    await reopened.sync();
    expect(store.disk.outbox).toEqual([]);
    expect(await onHand(reopened)).toBe(4);
    expect(shop.level('v1', 'L1')).toMatchObject({ onHand: 4 });
  });

  it('keeps a rejected mutation under "needs attention" with its code, across restarts, until dismissed', async () => {
    const { shop, client, start } = await setup();
    await shop.setStock('v1', 'L1', 1);
    await client.sync();
    const made = await client.mutate('inventory.adjust', {
      variantId: 'v1',
      locationId: 'L1',
      delta: -5,
      reason: 'lost',
    });
    await client.sync();
    const { rejected, pending } = client.status();
    expect(pending).toBe(0);
    expect(rejected).toMatchObject([{ envelope: { id: made.id }, result: { code: 'INSUFFICIENT_STOCK' } }]);
    expect(await onHand(client)).toBe(1);
    const restarted = await start();
    expect(restarted.status().rejected).toHaveLength(1);
    await restarted.dismiss(made.id);
    expect(restarted.status().rejected).toEqual([]);
  });

  it('a device killed while its push was out pushes again after restart, and the server applies it once', async () => {
    const { shop, transport, store, client, start } = await setup();
    await client.mutate('inventory.receive', { variantId: 'v2', locationId: 'L2', quantity: 4 });
    transport.killDuringNextPush = true;
    await client.sync();
    expect(transport.killed).toBe(true);
    expect(store.disk.outbox[0]?.state).toBe('pending'); // the answer never reached the disk
    const restarted = await start();
    await restarted.sync();
    expect(store.disk.outbox).toEqual([]);
    expect(shop.level('v2', 'L2')).toMatchObject({ onHand: 4 });
    expect([...shop.server.applications.values()]).toEqual([1]);
  });

  it('stops syncing with "update required" when the server refuses its protocol version', async () => {
    const { client, calls, refuse } = await setup();
    await client.mutate('order.note', { orderId: 'o1', noteId: 'n1', text: 'kept' });
    refuse.with = new DomainError('validation', 'SYNC_UPDATE_REQUIRED', 'update the app');
    await client.sync();
    const asked = calls.pull + calls.push;
    await client.sync();
    client.notify();
    await client.tick();
    expect(calls.pull + calls.push).toBe(asked);
    expect(client.status()).toMatchObject({
      updateRequired: true,
      pending: 1,
      lastError: { code: 'SYNC_UPDATE_REQUIRED' },
    });
  });

  it('starts its mirror over when the server refuses its cursor (another server), keeping its outbox', async () => {
    const { store } = await setup();
    await new SyncClient({
      deviceId: 'dev-1',
      store: new MemoryStore(store.disk),
      transport: new FaultyTransport(
        { pull: async () => ({}), push: async () => ({}) },
        new Network(),
        createPrng(3),
      ),
      clock: { now: () => 0 },
      random: Math.random,
    }).mutate('order.note', { orderId: 'o1', noteId: 'n1', text: 'kept' });
    const other = await openShop('srv-B');
    await other.setStock('v1', 'L1', 42);
    const transport = new FaultyTransport(
      new ServerHost(other.server).endpoint({ deviceId: 'dev-1', role: 'warehouse' }),
      new Network(),
      createPrng(2),
    );
    const moved = new SyncClient({
      deviceId: 'dev-1',
      store: new MemoryStore(store.disk),
      transport,
      clock: { now: () => other.clock.t },
      random: Math.random,
    });
    await moved.open();
    await moved.sync(); // refused: CURSOR_FOREIGN, mirror emptied
    expect(moved.status().lastError?.code).toBe('CURSOR_FOREIGN');
    expect(store.disk.cursor).toBeNull();
    await moved.sync();
    expect(store.disk.mirror.get('stockLevel/v1:L1')).toMatchObject({ onHand: 42 });
    expect(other.server.get('orderNote', 'n1')).toMatchObject({ text: 'kept' }); // the outbox survived the reset
  });

  it('never applies a late answer to an earlier pull (it would move the cursor backwards)', async () => {
    const { transport, store, client } = await setup();
    const cursor = store.disk.cursor;
    transport.oldPullAnswers.splice(0, Infinity, {
      protocolVersion: 1,
      from: null,
      cursor: 'x',
      records: [],
      hasMore: false,
    });
    transport.rates = { dropRequest: 0, dropResponse: 0, duplicate: 0, delay: 0, staleReply: 1 };
    await client.sync();
    expect(store.disk.cursor).toBe(cursor);
    expect(client.status().lastError?.code).toBe('SYNC_ANSWER_UNUSABLE');
  });

  it('takes a mutation made while a sync is running: the view and the status include it', async () => {
    const { shop, client } = await setup();
    await shop.setStock('v4', 'L1', 5);
    const syncing = client.sync();
    const made = client.mutate('inventory.receive', { variantId: 'v4', locationId: 'L1', quantity: 2 });
    await Promise.all([syncing, made]);
    expect(await onHand(client, 'v4:L1')).toBe(7);
    await client.sync();
    expect(client.status().pending).toBe(0);
    expect(await onHand(client, 'v4:L1')).toBe(7);
    expect(shop.level('v4', 'L1')).toMatchObject({ onHand: 7 });
  });

  it('a mutation made while a sync is running leaves the next attempt due at once, not a poll interval away', async () => {
    const { shop, client } = await setup();
    const syncing = client.sync();
    const made = client.mutate('inventory.receive', { variantId: 'v1', locationId: 'L1', quantity: 1 });
    await Promise.all([syncing, made]);
    expect(client.status().nextAttemptAt).toBeLessThanOrEqual(shop.clock.t);
    await client.sync();
    expect(client.status().pending).toBe(0);
    // With nothing made meanwhile, the next attempt waits for the poll interval again.
    expect(client.status().nextAttemptAt).toBeGreaterThan(shop.clock.t);
  });

  it('queues several intents together, or none when one is invalid', async () => {
    const { store, client } = await setup();
    const before = await onHand(client);
    await expect(
      client.mutateMany([
        { name: 'inventory.receive', args: { variantId: 'v1', locationId: 'L1', quantity: 2 } },
        { name: 'inventory.receive', args: { variantId: 'v1', locationId: 'L1', quantity: 0 } },
      ]),
    ).rejects.toMatchObject({ code: 'MUTATION_ARGS_INVALID' });
    expect(store.disk.outbox).toEqual([]);
    const made = await client.mutateMany([
      { name: 'inventory.receive', args: { variantId: 'v1', locationId: 'L1', quantity: 2 } },
      { name: 'inventory.receive', args: { variantId: 'v1', locationId: 'L1', quantity: 3 } },
    ]);
    expect(store.disk.outbox.map((e) => e.envelope.id)).toEqual(made.map((e) => e.id));
    expect(await onHand(client)).toBe((before ?? 0) + 5);
  });

  it('refuses invalid args locally and records nothing', async () => {
    const { store, client } = await setup();
    await expect(
      client.mutate('inventory.receive', { variantId: 'v1', locationId: 'L1', quantity: 0 }),
    ).rejects.toMatchObject({
      code: 'MUTATION_ARGS_INVALID',
      errors: [{ path: 'quantity' }],
    });
    expect(store.disk.outbox).toEqual([]);
  });

  it('streams its status to subscribers', async () => {
    const { client } = await setup();
    const seen: SyncStatus[] = [];
    const stop = client.subscribe((s) => seen.push(s));
    await client.mutate('order.note', { orderId: 'o1', noteId: 'n1', text: 'hi' });
    await client.sync();
    stop();
    await client.mutate('order.note', { orderId: 'o1', noteId: 'n2', text: 'hi' });
    expect(seen.map((s) => s.pending)).toContain(1);
    expect(seen.at(-1)).toMatchObject({ pending: 0, online: true });
  });
});

describe('backoffDelay', () => {
  it('grows by doubling, stays within [ceiling / 2, ceiling], and stops at the cap', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect([1, 2, 3].map((n) => backoffDelay(n, low))).toEqual([1000, 2000, 4000]);
    expect([1, 2, 3].map((n) => backoffDelay(n, high))).toEqual([2000, 4000, 8000]);
    expect(backoffDelay(40, high)).toBe(60_000);
  });
});
