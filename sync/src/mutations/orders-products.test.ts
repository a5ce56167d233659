import { describe, expect, it } from 'vitest';
import { handlePush } from '../server/apply.ts';
import type { SyncServerPort } from '../server/port.ts';
import { openShop } from '../test-support/shop.ts';

describe('order mutations', () => {
  it('order.transition moves an order along the shared state machine', async () => {
    const shop = await openShop();
    const result = await shop.run('warehouse', 'order.transition', { orderId: 'o1', event: 'start_picking' });
    expect(result).toMatchObject({ status: 'applied', outcome: { from: 'paid', to: 'picking' } });
    expect(shop.server.get('order', 'o1')).toMatchObject({ status: 'picking', version: 2 });
  });

  it('order.transition on an order cancelled meanwhile is rejected with the state it found', async () => {
    const shop = await openShop();
    await shop.server.serverWrite(async (tx) => {
      const order = await tx.get('order', 'o4');
      if (order) tx.put('order', { ...order, status: 'cancelled' });
    });
    const result = await shop.run('warehouse', 'order.transition', { orderId: 'o4', event: 'ship' });
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'ILLEGAL_ORDER_TRANSITION',
      details: { orderId: 'o4', from: 'cancelled', event: 'ship' },
    });
    expect(shop.server.get('order', 'o4')).toMatchObject({ status: 'cancelled' });
  });

  it('order.transition refuses cancel and pay: those move money and go through the server flows', async () => {
    const shop = await openShop();
    const result = await shop.run('owner', 'order.transition', { orderId: 'o5', event: 'pay' } as never);
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'MUTATION_ARGS_INVALID',
      errors: [{ path: 'event' }],
    });
  });

  it('order.transition and order.note on an unknown order are rejected', async () => {
    const shop = await openShop();
    expect(await shop.run('warehouse', 'order.transition', { orderId: 'o99', event: 'pack' })).toMatchObject({
      code: 'ORDER_NOT_FOUND',
    });
    expect(
      await shop.run('warehouse', 'order.note', { orderId: 'o99', noteId: 'n1', text: 'hi' }),
    ).toMatchObject({ code: 'ORDER_NOT_FOUND' });
  });

  it('order.note adds a note under the id the device chose, once', async () => {
    const shop = await openShop();
    expect(
      await shop.run('warehouse', 'order.note', { orderId: 'o2', noteId: 'n1', text: ' box damaged ' }),
    ).toMatchObject({ status: 'applied' });
    expect(shop.server.get('orderNote', 'n1')).toMatchObject({
      orderId: 'o2',
      text: 'box damaged',
      deviceId: 'dev-warehouse',
    });
    expect(
      await shop.run('warehouse', 'order.note', { orderId: 'o2', noteId: 'n1', text: 'again' }),
    ).toMatchObject({ code: 'NOTE_ID_TAKEN' });
  });
});

describe('product.update: a field-by-field merge against baseVersion', () => {
  const edit = (fields: Record<string, unknown>, base: Record<string, unknown>, baseVersion = 1) => ({
    productId: 'p1',
    baseVersion,
    fields,
    base,
  });
  const webEdit = async (shop: Awaited<ReturnType<typeof openShop>>, fields: Record<string, unknown>) =>
    shop.server.serverWrite(async (tx) => {
      const p = await tx.get('product', 'p1');
      if (p) tx.put('product', { ...p, ...fields, version: p.version + 1 });
    });

  it('applies every field when nobody changed the product since baseVersion', async () => {
    const shop = await openShop();
    const result = await shop.run(
      'manager',
      'product.update',
      edit({ name: 'Mila', tags: ['party'] }, { name: 'Style 1', tags: ['work'] }),
    );
    expect(result).toMatchObject({ status: 'applied', outcome: { changed: ['name', 'tags'], version: 2 } });
    expect(shop.server.get('product', 'p1')).toMatchObject({ name: 'Mila', tags: ['party'], version: 2 });
  });

  it('merges an edit of another field made meanwhile: both survive', async () => {
    const shop = await openShop();
    await webEdit(shop, { material: 'suede' });
    const result = await shop.run('manager', 'product.update', edit({ name: 'Mila' }, { name: 'Style 1' }));
    expect(result.status).toBe('applied');
    expect(shop.server.get('product', 'p1')).toMatchObject({ name: 'Mila', material: 'suede', version: 3 });
  });

  it('returns a conflict, field by field, when the same field changed on both sides, and writes nothing', async () => {
    const shop = await openShop();
    await webEdit(shop, { name: 'Theirs' });
    const result = await shop.run(
      'manager',
      'product.update',
      edit({ name: 'Mine', material: 'satin' }, { name: 'Style 1', material: 'leather' }),
    );
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'PRODUCT_EDIT_CONFLICT',
      details: {
        currentVersion: 2,
        conflicts: [{ field: 'name', base: 'Style 1', mine: 'Mine', theirs: 'Theirs' }],
      },
    });
    expect(shop.server.get('product', 'p1')).toMatchObject({
      name: 'Theirs',
      material: 'leather',
      version: 2,
    });
  });

  it('is no conflict when both sides set the same value', async () => {
    const shop = await openShop();
    await webEdit(shop, { name: 'Same' });
    const result = await shop.run('manager', 'product.update', edit({ name: 'Same' }, { name: 'Style 1' }));
    expect(result).toMatchObject({ status: 'applied', outcome: { changed: [] } });
    expect(shop.server.get('product', 'p1')).toMatchObject({ version: 2 });
  });

  it('needs base values for exactly the changed fields', async () => {
    const shop = await openShop();
    const result = await shop.run('manager', 'product.update', edit({ name: 'Mila' }, {}));
    expect(result).toMatchObject({ code: 'MUTATION_ARGS_INVALID', errors: [{ path: 'base' }] });
  });

  it('a price change needs prices:write on top of catalog:write', async () => {
    const shop = await openShop();
    const result = await shop.run(
      'warehouse',
      'product.update',
      edit({ basePriceMinor: 100 }, { basePriceMinor: 9900 }),
    );
    expect(result).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { missing: ['catalog:write', 'prices:write'] },
    });
  });
});

describe('each mutation applies at most once', () => {
  it('a retried push answers duplicate with the first result and writes nothing again', async () => {
    const shop = await openShop();
    await shop.setStock('v1', 'L1', 3);
    const receive = shop.envelope('dev-1', 'inventory.receive', {
      variantId: 'v1',
      locationId: 'L1',
      quantity: 2,
    });
    const [first] = await shop.pushAs('warehouse', receive);
    const ledger = shop.server.ledger.length;
    const [again] = await shop.pushAs('warehouse', receive);
    expect(first).toMatchObject({ status: 'applied' });
    expect(again).toEqual({ status: 'duplicate', mutationId: receive.id, first });
    expect(shop.server.ledger.length).toBe(ledger);
    expect(shop.level('v1', 'L1')).toMatchObject({ onHand: 5 });
  });

  it('a retried rejected mutation is rejected the same way, even if it would pass now', async () => {
    const shop = await openShop();
    await shop.setStock('v1', 'L1', 0);
    const adjust = shop.envelope('dev-1', 'inventory.adjust', {
      variantId: 'v1',
      locationId: 'L1',
      delta: -1,
      reason: 'lost',
    });
    const [first] = await shop.pushAs('warehouse', adjust);
    await shop.setStock('v1', 'L1', 5);
    const [again] = await shop.pushAs('warehouse', adjust);
    expect(first).toMatchObject({ status: 'rejected', code: 'INSUFFICIENT_STOCK' });
    expect(again).toEqual({ status: 'duplicate', mutationId: adjust.id, first });
    expect(shop.level('v1', 'L1')).toMatchObject({ onHand: 5 });
  });

  it('a concurrent push of the same mutation that lost the race answers duplicate, not a second write', async () => {
    const shop = await openShop();
    const receive = shop.envelope('dev-1', 'inventory.receive', {
      variantId: 'v1',
      locationId: 'L1',
      quantity: 2,
    });
    const [first] = await shop.pushAs('warehouse', receive);
    const onHand = shop.level('v1', 'L1')?.onHand;
    // The other push's transaction did not see the first result yet (it was not committed when it looked).
    let blind = true;
    const racing: SyncServerPort = {
      serverId: shop.server.serverId,
      now: () => shop.server.now(),
      headSeq: () => shop.server.headSeq(),
      readChanges: (a, b, c) => shop.server.readChanges(a, b, c),
      loadRows: (keys) => shop.server.loadRows(keys),
      transact: (fn) =>
        shop.server.transact((tx) => {
          const findResult = blind ? async () => null : tx.findResult.bind(tx);
          blind = false;
          return fn(Object.assign(Object.create(Object.getPrototypeOf(tx)), tx, { findResult }));
        }),
    };
    const answer = await handlePush(
      racing,
      { deviceId: 'dev-1', role: 'warehouse' },
      { protocolVersion: 1, deviceId: 'dev-1', mutations: [receive] },
    );
    expect(answer.results).toEqual([{ status: 'duplicate', mutationId: receive.id, first }]);
    expect(shop.level('v1', 'L1')?.onHand).toBe(onHand);
  });

  it('a write that keeps losing races is retried, then left for the next push (not recorded)', async () => {
    const shop = await openShop();
    shop.server.faults = { staleWrite: 1 };
    const receive = shop.envelope('dev-1', 'inventory.receive', {
      variantId: 'v1',
      locationId: 'L1',
      quantity: 2,
    });
    const note = shop.envelope('dev-1', 'order.note', { orderId: 'o1', noteId: 'n1', text: 'x' });
    expect(await shop.pushAs('warehouse', receive, note)).toEqual([]);
    expect(shop.server.results.size).toBe(0);
    shop.server.faults = {};
    expect((await shop.pushAs('warehouse', receive, note)).map((r) => r.status)).toEqual([
      'applied',
      'applied',
    ]);
  });
});
