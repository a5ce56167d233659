import { describe, expect, it } from 'vitest';
import { stockProblems } from '../sim/invariants.ts';
import { openShop } from '../test-support/shop.ts';

describe('inventory mutations', () => {
  it('inventory.receive adds to on hand, creating the level at a location never stocked', async () => {
    const shop = await openShop();
    const result = await shop.run('warehouse', 'inventory.receive', {
      variantId: 'v1',
      locationId: 'L2',
      quantity: 12,
    });
    expect(result.status).toBe('applied');
    expect(shop.level('v1', 'L2')).toMatchObject({ onHand: 12, reserved: 0 });
    expect(stockProblems(shop.server)).toEqual([]);
  });

  it('inventory.receive refuses an unknown variant or location and writes nothing', async () => {
    const shop = await openShop();
    const before = shop.server.ledger.length;
    const unknownVariant = await shop.run('warehouse', 'inventory.receive', {
      variantId: 'nope',
      locationId: 'L1',
      quantity: 1,
    });
    const unknownLocation = await shop.run('warehouse', 'inventory.receive', {
      variantId: 'v1',
      locationId: 'L9',
      quantity: 1,
    });
    expect(unknownVariant).toMatchObject({ status: 'rejected', code: 'VARIANT_NOT_FOUND' });
    expect(unknownLocation).toMatchObject({ status: 'rejected', code: 'LOCATION_NOT_FOUND' });
    expect(shop.server.ledger.length).toBe(before);
  });

  it('inventory.adjust applies a signed delta and never takes stock below what is reserved', async () => {
    const shop = await openShop();
    await shop.setStock('v1', 'L1', 5, 2);
    expect(
      await shop.run('warehouse', 'inventory.adjust', {
        variantId: 'v1',
        locationId: 'L1',
        delta: -3,
        reason: 'damaged',
      }),
    ).toMatchObject({ status: 'applied' });
    expect(shop.level('v1', 'L1')).toMatchObject({ onHand: 2, reserved: 2 });
    const refused = await shop.run('warehouse', 'inventory.adjust', {
      variantId: 'v1',
      locationId: 'L1',
      delta: -1,
      reason: 'lost',
    });
    expect(refused).toMatchObject({
      status: 'rejected',
      code: 'INSUFFICIENT_STOCK',
      details: { onHand: 2, reserved: 2 },
    });
    expect(shop.level('v1', 'L1')).toMatchObject({ onHand: 2, reserved: 2 });
    expect(stockProblems(shop.server)).toEqual([]);
  });

  it('inventory.adjust of 0 fails its schema, with the field named', async () => {
    const shop = await openShop();
    const result = await shop.run('warehouse', 'inventory.adjust', {
      variantId: 'v1',
      locationId: 'L1',
      delta: 0,
      reason: 'x',
    });
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'MUTATION_ARGS_INVALID',
      errors: [{ path: 'delta' }],
    });
  });

  it('inventory.transfer moves units out of one location and into the other in one transaction', async () => {
    const shop = await openShop();
    await shop.setStock('v2', 'L1', 4);
    expect(
      await shop.run('warehouse', 'inventory.transfer', {
        variantId: 'v2',
        fromLocationId: 'L1',
        toLocationId: 'L2',
        quantity: 3,
      }),
    ).toMatchObject({ status: 'applied' });
    expect(shop.level('v2', 'L1')).toMatchObject({ onHand: 1 });
    expect(shop.level('v2', 'L2')).toMatchObject({ onHand: 3 });
    expect(stockProblems(shop.server)).toEqual([]);
  });

  it('inventory.transfer refuses more than is available at the source and moves nothing', async () => {
    const shop = await openShop();
    await shop.setStock('v2', 'L1', 4, 2);
    const result = await shop.run('warehouse', 'inventory.transfer', {
      variantId: 'v2',
      fromLocationId: 'L1',
      toLocationId: 'L2',
      quantity: 3,
    });
    expect(result).toMatchObject({ status: 'rejected', code: 'INSUFFICIENT_STOCK' });
    expect(shop.level('v2', 'L1')).toMatchObject({ onHand: 4, reserved: 2 });
    expect(shop.level('v2', 'L2')).toBeNull();
  });

  it('inventory.transfer to the same location fails its schema', async () => {
    const shop = await openShop();
    const result = await shop.run('warehouse', 'inventory.transfer', {
      variantId: 'v2',
      fromLocationId: 'L1',
      toLocationId: 'L1',
      quantity: 1,
    });
    expect(result).toMatchObject({ code: 'MUTATION_ARGS_INVALID', errors: [{ path: 'toLocationId' }] });
  });

  it('inventory.count applies counted - expected as a delta, so a sale the counter did not see survives', async () => {
    const shop = await openShop();
    await shop.setStock('v3', 'L1', 10);
    // The counter's screen said 10; meanwhile the shop sold 2 (on hand 8 on the server).
    await shop.setStock('v3', 'L1', 8);
    const result = await shop.run('warehouse', 'inventory.count', {
      variantId: 'v3',
      locationId: 'L1',
      counted: 9,
      expectedOnHand: 10,
    });
    expect(result).toMatchObject({
      status: 'applied',
      outcome: { delta: -1, onHandBefore: 8, onHandAfter: 7 },
    });
    expect(shop.level('v3', 'L1')).toMatchObject({ onHand: 7 });
    expect(shop.server.ledger.at(-1)).toMatchObject({ kind: 'count', onHandDelta: -1 });
  });

  it('inventory.count that matches what was expected is still recorded (it dates the last count)', async () => {
    const shop = await openShop();
    await shop.setStock('v3', 'L1', 6);
    const result = await shop.run('warehouse', 'inventory.count', {
      variantId: 'v3',
      locationId: 'L1',
      counted: 6,
      expectedOnHand: 6,
    });
    expect(result).toMatchObject({ status: 'applied', outcome: { delta: 0 } });
    expect(shop.server.ledger.at(-1)).toMatchObject({ kind: 'count', onHandDelta: 0 });
  });

  it('inventory.count whose delta would take stock below zero is refused with a request to count again', async () => {
    const shop = await openShop();
    await shop.setStock('v3', 'L1', 1);
    const result = await shop.run('warehouse', 'inventory.count', {
      variantId: 'v3',
      locationId: 'L1',
      counted: 2,
      expectedOnHand: 5,
    });
    expect(result).toMatchObject({ status: 'rejected', code: 'INSUFFICIENT_STOCK' });
    expect(result.status === 'rejected' && result.message).toContain('count again');
    expect(shop.level('v3', 'L1')).toMatchObject({ onHand: 1 });
  });

  it('a role without the permission is refused before anything is planned', async () => {
    const shop = await openShop();
    const result = await shop.run('warehouse', 'product.update', {
      productId: 'p1',
      baseVersion: 1,
      fields: { name: 'X' },
      base: { name: 'Style 1' },
    });
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'PERMISSION_DENIED',
      details: { missing: ['catalog:write'] },
    });
    expect(shop.server.get('product', 'p1')).toMatchObject({ name: 'Style 1', version: 1 });
  });
});
