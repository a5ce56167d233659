import { stockLevelId } from '@shoebox/sync/protocol';
import { MemoryServer, ServerHost } from '@shoebox/sync/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Envelope, type HandlerName, handlerSpecs, type ResultOf } from '../../ipc/index.ts';
import { seedTestShop, type TestShop } from '../test-support/test-shop.ts';
import { openTestDevice, type TestDevice } from '../test-support/test-device.ts';

/**
 * The domain handlers over a real SQLite cache, syncing with sync's in-memory server: what each
 * answers, that writes are on disk before they answer and reach the server later, that refusals
 * are kept with advice, that a revoked device is wiped, and that a warehouse sees no money.
 */

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

async function device(role: 'owner' | 'manager' | 'warehouse', synced = true): Promise<TestDevice> {
  const d = await openTestDevice(host, role);
  devices.push(d);
  if (synced) await d.engine.syncNow();
  return d;
}

/** The value of a successful call, checked against the handler's result schema. */
async function value<N extends HandlerName>(
  d: TestDevice,
  name: N,
  args: unknown = {},
): Promise<ResultOf<N>> {
  const envelope: Envelope = await d.call(name, args);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
  return handlerSpecs[name].result.parse(envelope.value) as ResultOf<N>;
}

async function refusal(d: TestDevice, name: HandlerName, args: unknown = {}) {
  const envelope = await d.call(name, args);
  if (envelope.ok) throw new Error(`${name} should have been refused`);
  return envelope.error;
}

const sku = (s: string) => shop.mila.variants[s] ?? '';
const serverOnHand = (variantId: string, locationId = shop.locations.main) =>
  server.get('stockLevel', stockLevelId(variantId, locationId))?.onHand;
const outboxSize = (d: TestDevice) =>
  (d.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

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
    const mila = await value(d, 'catalog.product', { productId: shop.mila.id });
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
    const mila = await value(d, 'catalog.product', { productId: shop.mila.id });
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
      locationId: shop.locations.main,
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
      locationId: shop.locations.main,
      delta: -1,
      reason: 'damage',
      note: 'heel snapped',
    });
    expect(receipt.mutationIds).toEqual([receipt.mutationId]);
    expect(outboxSize(d)).toBe(1);
    const mila = await value(d, 'catalog.product', { productId: shop.mila.id });
    expect(mila.variants.find((v) => v.sku === 'MILA-NUDE-38')?.onHand).toBe(4);
    expect(mila.pending).toBe(true);
    expect(await value(d, 'sync.now')).toMatchObject({ state: 'offline', pending: 1 });
    expect(serverOnHand(sku('MILA-NUDE-38'))).toBe(5);

    d.net.up = true;
    expect(await value(d, 'sync.now')).toMatchObject({ state: 'online', pending: 0, needsAttention: 0 });
    expect(serverOnHand(sku('MILA-NUDE-38'))).toBe(4);
    expect(server.ledger.at(-1)).toMatchObject({
      kind: 'adjust',
      onHandDelta: -1,
      mutationId: receipt.mutationId,
    });
    expect((await value(d, 'catalog.product', { productId: shop.mila.id })).pending).toBe(false);
  });

  it('queues one mutation per line of a receive and a count, and a transfer between locations', async () => {
    const d = await device('warehouse');
    d.net.up = false;
    const received = await value(d, 'inventory.receive', {
      locationId: shop.locations.main,
      reference: 'PO-77',
      lines: [
        { variantId: sku('MILA-NUDE-37'), quantity: 6 },
        { variantId: sku('MILA-NUDE-39'), quantity: 2 },
      ],
    });
    expect(received.mutationIds).toHaveLength(2);
    await value(d, 'inventory.count', {
      locationId: shop.locations.main,
      lines: [{ variantId: sku('MILA-BLACK-38'), counted: 3, expectedOnHand: 4 }],
    });
    await value(d, 'inventory.transfer', {
      variantId: sku('MILA-NUDE-40'),
      fromLocationId: shop.locations.main,
      toLocationId: shop.locations.store,
      quantity: 2,
    });
    const grid = await value(d, 'inventory.grid', {
      productId: shop.mila.id,
      locationId: shop.locations.store,
    });
    expect(grid.cells.find((c) => c.sku === 'MILA-NUDE-40')?.onHand).toBe(2);
    expect(outboxSize(d)).toBe(4);

    d.net.up = true;
    await value(d, 'sync.now');
    expect(serverOnHand(sku('MILA-NUDE-37'))).toBe(6);
    expect(serverOnHand(sku('MILA-NUDE-39'))).toBe(3);
    expect(serverOnHand(sku('MILA-BLACK-38'))).toBe(3);
    expect(serverOnHand(sku('MILA-NUDE-40'))).toBe(1);
    expect(serverOnHand(sku('MILA-NUDE-40'), shop.locations.store)).toBe(2);
    expect((await value(d, 'inventory.levels')).brokenSizeRuns).toEqual([]);
  });

  it('refuses a transfer to the same location before queuing anything', async () => {
    const d = await device('warehouse');
    const error = await refusal(d, 'inventory.transfer', {
      variantId: sku('MILA-NUDE-40'),
      fromLocationId: shop.locations.main,
      toLocationId: shop.locations.main,
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

describe('"Needs attention"', () => {
  it('keeps a refused change with what to do, then retries it once the stock is there', async () => {
    const d = await device('warehouse');
    d.net.up = false;
    const { mutationId } = await value(d, 'inventory.adjust', {
      variantId: sku('MILA-NUDE-39'),
      locationId: shop.locations.main,
      delta: -3,
      reason: 'loss',
    });
    d.net.up = true;
    expect(await value(d, 'sync.now')).toMatchObject({ needsAttention: 1, pending: 0 });
    const [item] = await value(d, 'sync.needsAttention');
    expect(item).toMatchObject({
      mutationId,
      code: 'INSUFFICIENT_STOCK',
      summary: 'Adjust MILA-NUDE-39 by -3 at Main warehouse (loss)',
      actions: ['retry', 'dismiss'],
    });
    expect(item?.advice).toContain('Count the shelf');

    // A delivery arrives on the server; the same change now applies.
    await server.serverWrite((tx) => {
      const level = server.get('stockLevel', stockLevelId(sku('MILA-NUDE-39'), shop.locations.main));
      if (level) tx.put('stockLevel', { ...level, onHand: 10 });
    });
    const retried = await value(d, 'sync.retry', { mutationId });
    expect(retried.mutationId).not.toBe(mutationId);
    expect(await value(d, 'sync.needsAttention')).toEqual([]);
    expect(await value(d, 'sync.now')).toMatchObject({ needsAttention: 0, pending: 0 });
    expect(serverOnHand(sku('MILA-NUDE-39'))).toBe(7);
    expect((await refusal(d, 'sync.retry', { mutationId })).code).toBe('ATTENTION_NOT_FOUND');
  });

  it('lets a person dismiss a refused order step, and shows field conflicts of a product edit to resolve', async () => {
    const d = await device('manager');
    d.net.up = false;
    await value(d, 'orders.transition', { orderId: shop.orders.shipped, event: 'pack' });
    await value(d, 'products.update', {
      productId: shop.mila.id,
      baseVersion: 1,
      fields: { name: 'Mila Pump 80' },
      base: { name: 'Mila Pump' },
    });
    await server.serverWrite((tx) => {
      const p = server.get('product', shop.mila.id);
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
      productId: shop.mila.id,
      conflicts: [{ field: 'name', base: 'Mila Pump', mine: 'Mila Pump 80', theirs: 'Mila Classic' }],
    });

    await value(d, 'sync.dismiss', { mutationId: step?.mutationId });
    await value(d, 'products.update', {
      productId: shop.mila.id,
      baseVersion: 2,
      fields: { name: 'Mila Pump 80' },
      base: { name: 'Mila Classic' },
      replaces: edit?.mutationId,
    });
    expect(await value(d, 'sync.needsAttention')).toEqual([]);
    await value(d, 'sync.now');
    expect(server.get('product', shop.mila.id)).toMatchObject({ name: 'Mila Pump 80', version: 3 });
  });

  it('refuses a price change from a role without prices, and any product edit from a warehouse', async () => {
    const w = await device('warehouse');
    const edit = {
      productId: shop.mila.id,
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
    await value(d, 'orders.transition', { orderId: shop.orders.paid, event: 'start_picking' });
    await value(d, 'orders.note', { orderId: shop.orders.paid, text: 'box damaged, repacked' });
    const picking = await value(d, 'orders.list', { status: 'picking' });
    expect(picking.items.map((o) => o.id).sort()).toEqual([shop.orders.paid, shop.orders.picking].sort());
    expect(picking.total).toBe(2);
    expect((await value(d, 'orders.list', { status: 'paid' })).total).toBe(0);
    const secondPage = await value(d, 'orders.list', { pageSize: '3', page: '2' });
    expect([secondPage.total, secondPage.items.map((o) => o.status)]).toEqual([4, ['picking']]);
    expect(await value(d, 'dashboard.summary')).toMatchObject({ toPick: 0, toPack: 2, flagged: 1 });
    const detail = await value(d, 'orders.detail', { orderId: shop.orders.paid });
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
    expect(server.get('order', shop.orders.paid)?.status).toBe('picking');
    expect(server.all('orderNote').map((n) => (n as { text: string }).text)).toEqual([
      'box damaged, repacked',
    ]);
    const after = await value(d, 'orders.detail', { orderId: shop.orders.paid });
    expect(after.pending).toBe(false);
    expect(after.notes[0]?.pending).toBe(false);
  });

  it('gives a manager the totals', async () => {
    const d = await device('manager');
    const detail = await value(d, 'orders.detail', { orderId: shop.orders.packed });
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
      locationId: shop.locations.main,
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
