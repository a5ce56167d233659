import { stockLevelId } from '@shoebox/sync/protocol';
import { describe, expect, it } from 'vitest';
import { handlerBench } from '../test-support/handler-bench.ts';

/**
 * The "Needs attention", orders, dashboard and device handlers over a real SQLite cache, syncing
 * with sync's in-memory server: refusals kept with advice, offline order steps that reach the
 * server, and a revoked device wiped.
 */

const bench = handlerBench();
const { device, value, refusal, sku, serverOnHand, outboxSize } = bench;

describe('"Needs attention"', () => {
  it('keeps a refused change with what to do, then retries it once the stock is there', async () => {
    const d = await device('warehouse');
    d.net.up = false;
    const setServerOnHand = (onHand: number) =>
      bench.server.serverWrite((tx) => {
        const level = bench.server.get(
          'stockLevel',
          stockLevelId(sku('MILA-NUDE-39'), bench.shop.locations.main),
        );
        if (level) tx.put('stockLevel', { ...level, onHand });
      });
    // The device saw the last pair; meanwhile the shop floor sold it (on the server).
    const { mutationId } = await value(d, 'inventory.adjust', {
      variantId: sku('MILA-NUDE-39'),
      locationId: bench.shop.locations.main,
      delta: -1,
      reason: 'loss',
    });
    await setServerOnHand(0);
    d.net.up = true;
    expect(await value(d, 'sync.now')).toMatchObject({ needsAttention: 1, pending: 0 });
    const [item] = await value(d, 'sync.needsAttention');
    expect(item).toMatchObject({
      mutationId,
      code: 'INSUFFICIENT_STOCK',
      summary: 'Adjust MILA-NUDE-39 by -1 at Main warehouse (loss)',
      actions: ['retry', 'dismiss'],
    });
    expect(item?.advice).toContain('Count the shelf');

    // A delivery arrives on the server; the same change now applies.
    await setServerOnHand(10);
    await value(d, 'sync.now'); // the delivery reaches the device's mirror
    const retried = await value(d, 'sync.retry', { mutationId });
    expect(retried.mutationId).not.toBe(mutationId);
    expect(await value(d, 'sync.needsAttention')).toEqual([]);
    expect(await value(d, 'sync.now')).toMatchObject({ needsAttention: 0, pending: 0 });
    expect(serverOnHand(sku('MILA-NUDE-39'))).toBe(9);
    expect((await refusal(d, 'sync.retry', { mutationId })).code).toBe('ATTENTION_NOT_FOUND');
  });

  it('lets a person dismiss a refused order step, and shows field conflicts of a product edit to resolve', async () => {
    const d = await device('manager');
    d.net.up = false;
    await value(d, 'orders.transition', { orderId: bench.shop.orders.shipped, event: 'pack' });
    await value(d, 'products.update', {
      productId: bench.shop.mila.id,
      baseVersion: 1,
      fields: { name: 'Mila Pump 80' },
      base: { name: 'Mila Pump' },
    });
    await bench.server.serverWrite((tx) => {
      const p = bench.server.get('product', bench.shop.mila.id);
      if (p) tx.put('product', { ...p, name: 'Mila Classic', version: 2 });
    });
    d.net.up = true;
    await value(d, 'sync.now');
    const items = await value(d, 'sync.needsAttention');
    expect(items.map((i) => i.code)).toEqual(['ILLEGAL_ORDER_TRANSITION', 'PRODUCT_EDIT_CONFLICT']);
    const [step, edit] = items;
    expect(step?.actions).toEqual(['dismiss']);
    expect(edit).toMatchObject({
      actions: ['resolve-conflict', 'dismiss'],
      currentVersion: 2,
      productId: bench.shop.mila.id,
      conflicts: [{ field: 'name', base: 'Mila Pump', mine: 'Mila Pump 80', theirs: 'Mila Classic' }],
    });

    await value(d, 'sync.dismiss', { mutationId: step?.mutationId });
    await value(d, 'products.update', {
      productId: bench.shop.mila.id,
      baseVersion: 2,
      fields: { name: 'Mila Pump 80' },
      base: { name: 'Mila Classic' },
      replaces: edit?.mutationId,
    });
    expect(await value(d, 'sync.needsAttention')).toEqual([]);
    await value(d, 'sync.now');
    expect(bench.server.get('product', bench.shop.mila.id)).toMatchObject({
      name: 'Mila Pump 80',
      version: 3,
    });
  });

  it('refuses a price change from a role without prices, and any product edit from a warehouse', async () => {
    const w = await device('warehouse');
    const edit = {
      productId: bench.shop.mila.id,
      baseVersion: 1,
      fields: { name: 'X' },
      base: { name: 'Mila Pump' },
    };
    expect((await refusal(w, 'products.update', edit)).code).toBe('IPC_PERMISSION_DENIED');
    expect(outboxSize(w)).toBe(0);
  });
});

describe('orders', () => {
  it('lists the queue newest first without money or emails for a warehouse, with filters', async () => {
    const d = await device('warehouse');
    const queue = await value(d, 'orders.list', {});
    expect(queue.moneyVisible).toBe(false);
    expect(queue.items.map((o) => o.status)).toEqual(['shipped', 'packed', 'picking', 'paid']);
    expect(queue.items.every((o) => o.totalMinor === null && o.email === '')).toBe(true);
    expect(queue.items[3]).toMatchObject({ itemCount: 2, customerName: 'Shopper 1' });
    const toShip = await value(d, 'orders.list', { status: 'paid,picking', flagged: 'true' });
    expect(toShip.items.map((o) => o.status)).toEqual(['picking']);
    expect((await refusal(d, 'orders.list', { minTotal: '100' })).code).toBe('IPC_PERMISSION_DENIED');
    const manager = await device('manager');
    const all = await value(manager, 'orders.list', { minTotal: '100', q: 'shopper2' });
    expect(all.items.map((o) => [o.email, o.totalMinor])).toEqual([['shopper2@example.test', 26300]]);
  });

  it('moves an order and notes it offline; the queue, the detail and later the server agree', async () => {
    const d = await device('warehouse');
    d.net.up = false;
    await value(d, 'orders.transition', { orderId: bench.shop.orders.paid, event: 'start_picking' });
    await value(d, 'orders.note', { orderId: bench.shop.orders.paid, text: 'box damaged, repacked' });
    const picking = await value(d, 'orders.list', { status: 'picking' });
    expect(picking.items.map((o) => o.id).sort()).toEqual(
      [bench.shop.orders.paid, bench.shop.orders.picking].sort(),
    );
    expect(picking.total).toBe(2);
    expect((await value(d, 'orders.list', { status: 'paid' })).total).toBe(0);
    const secondPage = await value(d, 'orders.list', { pageSize: '3', page: '2' });
    expect([secondPage.total, secondPage.items.map((o) => o.status)]).toEqual([4, ['picking']]);
    expect(await value(d, 'dashboard.summary')).toMatchObject({ toPick: 0, toPack: 2, flagged: 1 });
    const detail = await value(d, 'orders.detail', { orderId: bench.shop.orders.paid });
    expect(detail).toMatchObject({
      status: 'picking',
      allowedEvents: ['pack'],
      pending: true,
      email: null,
      totals: null,
      refunds: null,
      timelineSource: 'cache',
    });
    expect(detail.lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor])).toEqual([
      ['MILA-NUDE-38', 2, null],
    ]);
    expect(detail.notes).toEqual([expect.objectContaining({ text: 'box damaged, repacked', pending: true })]);
    expect(detail.shippingAddress?.name).toBe('Shopper 1');

    d.net.up = true;
    await value(d, 'sync.now');
    expect(bench.server.get('order', bench.shop.orders.paid)?.status).toBe('picking');
    expect(bench.server.all('orderNote').map((n) => (n as { text: string }).text)).toEqual([
      'box damaged, repacked',
    ]);
    const after = await value(d, 'orders.detail', { orderId: bench.shop.orders.paid });
    expect(after.pending).toBe(false);
    expect(after.notes[0]?.pending).toBe(false);
  });

  it('gives a manager the totals', async () => {
    const d = await device('manager');
    const detail = await value(d, 'orders.detail', { orderId: bench.shop.orders.packed });
    expect(detail).toMatchObject({ moneyVisible: true, email: 'shopper3@example.test' });
    expect(detail.totals).toMatchObject({ totalMinor: 26300, shippingMinor: 500 });
    expect(detail.lines[0]?.lineTotalMinor).toBe(25800);
  });
});

describe('dashboard and devices', () => {
  it('counts what to pick, pack and ship, low stock, broken size runs and the sync state', async () => {
    const d = await device('warehouse');
    expect(await value(d, 'dashboard.summary')).toMatchObject({
      toPick: 1,
      toPack: 1,
      toShip: 1,
      flagged: 1,
      lowStock: 2,
      brokenSizeRuns: 1,
      sync: { state: 'online', pending: 0, needsAttention: 0 },
    });
  });

  it('wipes the cache, pending changes included, and signs out when the server says the device is revoked', async () => {
    const d = await device('warehouse');
    d.net.up = false;
    await value(d, 'inventory.adjust', {
      variantId: sku('MILA-NUDE-38'),
      locationId: bench.shop.locations.main,
      delta: -1,
      reason: 'damage',
    });
    d.net.up = true;
    d.net.revoked = true;
    await value(d, 'sync.now');
    expect(d.revokedWith).toEqual(['This device was revoked.']);
    expect(d.session()).toBeNull();
    expect(d.forgotten()).toBe(1);
    expect(outboxSize(d)).toBe(0);
    const mirrored = d.db
      .prepare('SELECT (SELECT count(*) FROM mirror_order) + (SELECT count(*) FROM mirror_variant) AS n')
      .get() as { n: number };
    expect(mirrored.n).toBe(0);
    expect(d.engine.status()).toMatchObject({ pending: 0, needsAttention: 0, lastSyncAt: null });
    expect(serverOnHand(sku('MILA-NUDE-38'))).toBe(5);
  });
});
