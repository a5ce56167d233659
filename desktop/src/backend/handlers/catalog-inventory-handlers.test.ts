import { describe, expect, it } from 'vitest';
import { handlerBench } from '../test-support/handler-bench.ts';

/**
 * The catalogue and inventory handlers over a real SQLite cache, syncing with sync's in-memory
 * server: what each answers, that writes are on disk before they answer and reach the server
 * later, and that a warehouse sees no money.
 */

const bench = handlerBench();
const { device, value, refusal, sku, serverOnHand, outboxSize } = bench;

describe('catalogue from the cache', () => {
  it('lists styles with variant count and stock, searched by name, SKU or status', async () => {
    const d = await device('manager');
    const all = await value(d, 'catalog.products');
    expect(all.total).toBe(2);
    expect(all.items.map((p) => [p.name, p.brandName, p.variantCount, p.stockTotal, p.status])).toEqual([
      ['Ava Boot', 'Lumen', 1, 2, 'draft'],
      ['Mila Pump', 'Lumen', 6, 17, 'active'],
    ]);
    expect((await value(d, 'catalog.products', { q: 'nude-39' })).items.map((p) => p.name)).toEqual([
      'Mila Pump',
    ]);
    expect((await value(d, 'catalog.products', { status: 'draft' })).items.map((p) => p.name)).toEqual([
      'Ava Boot',
    ]);
  });

  it('shows one style with its variants and prices for a manager', async () => {
    const d = await device('manager');
    const mila = await value(d, 'catalog.product', { productId: bench.shop.mila.id });
    expect(mila.variants.map((v) => v.sku)).toEqual([
      'MILA-BLACK-38',
      'MILA-BLACK-39',
      'MILA-NUDE-37',
      'MILA-NUDE-38',
      'MILA-NUDE-39',
      'MILA-NUDE-40',
    ]);
    const nude38 = mila.variants.find((v) => v.sku === 'MILA-NUDE-38');
    expect(nude38).toMatchObject({
      gtin: '4006381333931',
      sizeEu: 38,
      colourName: 'Nude',
      onHand: 5,
      priceMinor: 12900,
    });
    expect(mila).toMatchObject({
      basePriceMinor: 9900,
      pricesVisible: true,
      version: 1,
      brand: { name: 'Lumen' },
    });
  });

  it('hides every price from a warehouse, even on a mirror a manager pulled', async () => {
    const d = await device('manager');
    d.signIn('warehouse');
    const mila = await value(d, 'catalog.product', { productId: bench.shop.mila.id });
    expect(mila.pricesVisible).toBe(false);
    expect(mila.basePriceMinor).toBeNull();
    expect(mila.variants.every((v) => v.priceMinor === null && v.compareAtMinor === null)).toBe(true);
    // and a warehouse device's own mirror never received them
    const w = await device('warehouse');
    const row = w.db.prepare('SELECT row FROM mirror_variant WHERE id = ?').get(sku('MILA-NUDE-38')) as {
      row: string;
    };
    expect(JSON.parse(row.row)).not.toHaveProperty('priceMinor');
  });

  it('pulls the mirror again, pending changes kept, when another role starts syncing on the device', async () => {
    const d = await device('manager');
    d.net.up = false;
    await value(d, 'inventory.adjust', {
      variantId: sku('MILA-NUDE-38'),
      locationId: bench.shop.locations.main,
      delta: -1,
      reason: 'damage',
    });
    d.net.up = true;
    const priced = () => {
      const found = d.db.prepare('SELECT row FROM mirror_variant WHERE id = ?').get(sku('MILA-NUDE-38')) as
        | { row: string }
        | undefined;
      return found ? 'priceMinor' in JSON.parse(found.row) : null;
    };
    expect(priced()).toBe(true);
    d.signIn('warehouse');
    await d.engine.start('warehouse'); // as a warehouse sign-in does
    for (let i = 0; i < 200 && priced() !== false; i++) await new Promise((r) => setTimeout(r, 25));
    expect(priced()).toBe(false);
    for (let i = 0; i < 200 && serverOnHand(sku('MILA-NUDE-38')) !== 4; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(serverOnHand(sku('MILA-NUDE-38'))).toBe(4);
  });

  it('resolves a scanned GTIN or a typed SKU in any case, and answers null for an unknown code', async () => {
    const d = await device('warehouse');
    expect(await value(d, 'catalog.findByCode', { code: '4006381333931' })).toMatchObject({
      sku: 'MILA-NUDE-38',
    });
    expect(await value(d, 'catalog.findByCode', { code: 'mila-black-39' })).toMatchObject({
      variantId: sku('MILA-BLACK-39'),
      productName: 'Mila Pump',
    });
    expect(await value(d, 'catalog.findByCode', { code: 'NOPE-1' })).toBeNull();
  });
});

describe('inventory', () => {
  it('finds low stock and broken size runs of active styles only', async () => {
    const d = await device('warehouse');
    const levels = await value(d, 'inventory.levels');
    expect(levels.lowStock.map((l) => [l.sku, l.available])).toEqual([
      ['MILA-NUDE-37', 0],
      ['MILA-NUDE-39', 1],
    ]);
    expect(levels.brokenSizeRuns).toEqual([
      expect.objectContaining({
        productName: 'Mila Pump',
        colourName: 'Nude',
        missingSizes: [37],
        inStockSizes: [38, 39, 40],
      }),
    ]);
  });

  it('takes an adjustment offline: on disk and on screen at once, on the server after the network returns', async () => {
    const d = await device('warehouse');
    d.net.up = false;
    const receipt = await value(d, 'inventory.adjust', {
      variantId: sku('MILA-NUDE-38'),
      locationId: bench.shop.locations.main,
      delta: -1,
      reason: 'damage',
      note: 'heel snapped',
    });
    expect(receipt.mutationIds).toEqual([receipt.mutationId]);
    expect(outboxSize(d)).toBe(1);
    const mila = await value(d, 'catalog.product', { productId: bench.shop.mila.id });
    expect(mila.variants.find((v) => v.sku === 'MILA-NUDE-38')?.onHand).toBe(4);
    expect(mila.pending).toBe(true);
    expect(await value(d, 'sync.now')).toMatchObject({ state: 'offline', pending: 1 });
    expect(serverOnHand(sku('MILA-NUDE-38'))).toBe(5);

    d.net.up = true;
    expect(await value(d, 'sync.now')).toMatchObject({ state: 'online', pending: 0, needsAttention: 0 });
    expect(serverOnHand(sku('MILA-NUDE-38'))).toBe(4);
    expect(bench.server.ledger.at(-1)).toMatchObject({
      kind: 'adjust',
      onHandDelta: -1,
      mutationId: receipt.mutationId,
    });
    expect((await value(d, 'catalog.product', { productId: bench.shop.mila.id })).pending).toBe(false);
  });

  it('queues one mutation per line of a receive and a count, and a transfer between locations', async () => {
    const d = await device('warehouse');
    d.net.up = false;
    const received = await value(d, 'inventory.receive', {
      locationId: bench.shop.locations.main,
      reference: 'PO-77',
      lines: [
        { variantId: sku('MILA-NUDE-37'), quantity: 6 },
        { variantId: sku('MILA-NUDE-39'), quantity: 2 },
      ],
    });
    expect(received.mutationIds).toHaveLength(2);
    await value(d, 'inventory.count', {
      locationId: bench.shop.locations.main,
      lines: [{ variantId: sku('MILA-BLACK-38'), counted: 3, expectedOnHand: 4 }],
    });
    await value(d, 'inventory.transfer', {
      variantId: sku('MILA-NUDE-40'),
      fromLocationId: bench.shop.locations.main,
      toLocationId: bench.shop.locations.store,
      quantity: 2,
    });
    const grid = await value(d, 'inventory.grid', {
      productId: bench.shop.mila.id,
      locationId: bench.shop.locations.store,
    });
    expect(grid.cells.find((c) => c.sku === 'MILA-NUDE-40')?.onHand).toBe(2);
    expect(outboxSize(d)).toBe(4);

    d.net.up = true;
    await value(d, 'sync.now');
    expect(serverOnHand(sku('MILA-NUDE-37'))).toBe(6);
    expect(serverOnHand(sku('MILA-NUDE-39'))).toBe(3);
    expect(serverOnHand(sku('MILA-BLACK-38'))).toBe(3);
    expect(serverOnHand(sku('MILA-NUDE-40'))).toBe(1);
    expect(serverOnHand(sku('MILA-NUDE-40'), bench.shop.locations.store)).toBe(2);
    expect((await value(d, 'inventory.levels')).brokenSizeRuns).toEqual([]);
  });

  it('refuses offline an adjustment below the stock it sees (pending changes included), queuing nothing', async () => {
    const d = await device('warehouse');
    d.net.up = false;
    const variantId = sku('MILA-NUDE-38'); // 5 on hand
    const at = { variantId, locationId: bench.shop.locations.main, reason: 'damage' as const };
    await value(d, 'inventory.adjust', { ...at, delta: -2 });
    const error = await refusal(d, 'inventory.adjust', { ...at, delta: -4 });
    expect(error).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { available: 3, delta: -4 } });
    expect(error.message).toMatch(/Only 3 pairs are in stock here/);
    expect(outboxSize(d)).toBe(1);
    expect((await value(d, 'inventory.adjust', { ...at, delta: -3 })).mutationIds).toHaveLength(1);
    expect(outboxSize(d)).toBe(2);
  });

  it('refuses a transfer to the same location before queuing anything', async () => {
    const d = await device('warehouse');
    const error = await refusal(d, 'inventory.transfer', {
      variantId: sku('MILA-NUDE-40'),
      fromLocationId: bench.shop.locations.main,
      toLocationId: bench.shop.locations.main,
      quantity: 1,
    });
    expect(error.code).toBe('IPC_ARGS_INVALID');
    expect(outboxSize(d)).toBe(0);
  });

  it('says plainly that the movement history needs the API when it cannot be reached', async () => {
    const d = await device('warehouse');
    const error = await refusal(d, 'inventory.movements', { variantId: sku('MILA-NUDE-38') });
    expect(error).toMatchObject({ code: 'API_UNREACHABLE', kind: 'external' });
    expect(error.message).toContain('cannot be reached');
  });
});
