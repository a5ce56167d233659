import { DomainError } from '@shoebox/shared';
import { describe, expect, it } from 'vitest';
import { openShop } from '../test-support/shop.ts';
import { FaultyTransport, Network } from '../testing/faulty-transport.ts';
import { MemoryStore } from '../testing/memory-store.ts';
import { createPrng } from '../testing/prng.ts';
import { ServerHost } from '../testing/server-host.ts';
import { SyncClient } from './engine.ts';
import { runSyncLoop } from './loop.ts';

describe('runSyncLoop', () => {
  it('syncs at once, then polls, pushes a new mutation promptly, and backs off while offline', async () => {
    const shop = await openShop();
    const endpoint = new ServerHost(shop.server).endpoint({ deviceId: 'dev-1', role: 'warehouse' });
    const transport = new FaultyTransport(endpoint, new Network(), createPrng(1));
    const clock = { now: () => shop.clock.t };
    const client = new SyncClient({
      deviceId: 'dev-1',
      store: new MemoryStore(),
      transport,
      clock,
      random: () => 0.5,
      pollMs: 10_000,
    });
    await client.open();
    const start = shop.clock.t;
    const elapsed = () => shop.clock.t - start;
    const syncs: number[] = [];
    const sync = client.sync.bind(client);
    client.sync = () => {
      syncs.push(elapsed());
      return sync();
    };
    let mutated = false;
    await runSyncLoop(client, {
      now: clock.now,
      stopped: () => elapsed() >= 70_000,
      maxWaitMs: 4_000,
      sleep: async (ms) => {
        shop.clock.t += ms;
        if (elapsed() >= 13_000 && !mutated) {
          mutated = true;
          await client.mutate('order.note', { orderId: 'o1', noteId: 'n1', text: 'x' });
        }
        if (elapsed() >= 30_000) transport.offline = true;
      },
    });
    // At once, then every 10 s; the mutation made at 14 s went out at 14 s, not at the next poll.
    expect(syncs.slice(0, 5)).toEqual([0, 10_000, 14_000, 24_000, 34_000]);
    expect(shop.server.get('orderNote', 'n1')).not.toBeNull();
    // Offline from 34 s: the attempts spread out (1.5 s, 3 s, 6 s, 12 s with this random).
    const gaps = syncs
      .slice(4)
      .map((t, i, all) => (all[i + 1] ?? t) - t)
      .slice(0, -1);
    expect(gaps).toEqual([1_500, 3_000, 6_000, 12_000]);
    expect(client.status()).toMatchObject({ online: false, pending: 0 });
  });

  it('stops when the server requires an update', async () => {
    const shop = await openShop();
    const transport = new FaultyTransport(
      {
        pull: async () => {
          throw new DomainError('validation', 'SYNC_UPDATE_REQUIRED', 'update');
        },
        push: async () => ({}),
      },
      new Network(),
      createPrng(1),
    );
    const client = new SyncClient({
      deviceId: 'dev-1',
      store: new MemoryStore(),
      transport,
      clock: { now: () => shop.clock.t },
      random: Math.random,
    });
    let sleeps = 0;
    await runSyncLoop(client, {
      now: () => shop.clock.t,
      stopped: () => sleeps > 100,
      sleep: async () => {
        sleeps += 1;
      },
    });
    expect(sleeps).toBe(0);
    expect(client.status().updateRequired).toBe(true);
  });
});
