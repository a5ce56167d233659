/** Stock counts, then transfers of the counted variant between locations (one running ledger). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductFixture } from '../../test-support/catalog-fixtures.ts';
import { type TestApp, testDialect } from '../../test-support/harness.ts';
import {
  inventoryHelpers,
  type InventoryWorld,
  startInventoryWorld,
} from '../../test-support/inventory-fixtures.ts';

describe(`inventory: locations, ledger writes and reads (${testDialect})`, () => {
  let t: TestApp;
  let main: InventoryWorld['main'];
  let shop: InventoryWorld['shop'];
  let mila: ProductFixture;
  const { post, level, refusedWithoutWrites } = inventoryHelpers(() => t);

  beforeAll(async () => {
    ({ t, main, shop, mila } = await startInventoryWorld());
  });
  afterAll(() => t.close());

  describe('count', () => {
    it('moves stock by counted - expectedOnHand, keeping sales the counter did not see', async () => {
      const v = mila.variant('BLACK', 40).id;
      await post('/admin/inventory/receive', {
        locationId: main.id,
        lines: [{ variantId: v, quantity: 10 }],
      });
      // The counter starts with 10 on the books; meanwhile 2 are written off elsewhere.
      await post('/admin/inventory/adjust', { locationId: main.id, variantId: v, delta: -2, reason: 'loss' });
      const res = await post('/admin/inventory/count', {
        locationId: main.id,
        lines: [{ variantId: v, counted: 9, expectedOnHand: 10 }],
      });
      expect(res.status, res.text).toBe(201);
      expect(res.body.movements[0]).toMatchObject({
        kind: 'count',
        quantity: -1,
        reason: 'counted 9, expected 10',
      });
      expect((await level(v, main.id)).onHand).toBe(7);
    });

    it('records a count that matched the books as a zero movement', async () => {
      const v = mila.variant('BLACK', 40).id;
      const res = await post('/admin/inventory/count', {
        locationId: main.id,
        lines: [{ variantId: v, counted: 7, expectedOnHand: 7 }],
        note: 'aisle A',
      });
      expect(res.body.movements[0]).toMatchObject({
        quantity: 0,
        onHandDelta: 0,
        reason: 'counted 7, expected 7: aisle A',
      });
    });

    it('refuses negative counts, unknown variants and duplicate lines, writing nothing', async () => {
      const v = mila.variant('BLACK', 40).id;
      const neg = await refusedWithoutWrites(
        '/admin/inventory/count',
        { locationId: main.id, lines: [{ variantId: v, counted: -1, expectedOnHand: 0 }] },
        400,
        'VALIDATION_FAILED',
      );
      expect(neg.errors[0]).toMatchObject({ path: 'lines.0.counted', code: 'TOO_SMALL' });
      const lines = await refusedWithoutWrites(
        '/admin/inventory/count',
        {
          locationId: main.id,
          lines: [
            { variantId: v, counted: 1, expectedOnHand: 0 },
            { variantId: v, counted: 1, expectedOnHand: 0 },
            { variantId: '0190a000-0000-7000-8000-000000000005', counted: 1, expectedOnHand: 0 },
          ],
        },
        400,
        'LINES_INVALID',
      );
      expect(lines.errors.map((e: { code: string }) => e.code)).toEqual([
        'DUPLICATE_LINE',
        'VARIANT_NOT_FOUND',
      ]);
    });

    it('refuses a count that would take on hand below zero (422) and writes nothing', async () => {
      const v = mila.variant('BLACK', 40).id;
      await refusedWithoutWrites(
        '/admin/inventory/count',
        { locationId: main.id, lines: [{ variantId: v, counted: 0, expectedOnHand: 20 }] },
        422,
        'INSUFFICIENT_STOCK',
      );
    });
  });

  describe('transfer', () => {
    it('moves units between locations in one transaction with a shared reference', async () => {
      const v = mila.variant('BLACK', 40).id;
      const res = await post('/admin/inventory/transfer', {
        fromLocationId: main.id,
        toLocationId: shop.id,
        variantId: v,
        quantity: 3,
      });
      expect(res.status, res.text).toBe(201);
      expect(res.body.movements.map((m: { kind: string }) => m.kind)).toEqual([
        'transfer_out',
        'transfer_in',
      ]);
      expect(new Set(res.body.movements.map((m: { reference: string }) => m.reference))).toEqual(
        new Set([res.body.reference]),
      );
      expect((await level(v, main.id)).onHand).toBe(4);
      expect((await level(v, shop.id)).onHand).toBe(3);
    });

    it('refuses moving more than is available, to the same location, or from an unknown one', async () => {
      const v = mila.variant('BLACK', 40).id;
      await refusedWithoutWrites(
        '/admin/inventory/transfer',
        { fromLocationId: main.id, toLocationId: shop.id, variantId: v, quantity: 5 },
        422,
        'INSUFFICIENT_STOCK',
      );
      const same = await refusedWithoutWrites(
        '/admin/inventory/transfer',
        { fromLocationId: main.id, toLocationId: main.id, variantId: v, quantity: 1 },
        400,
        'VALIDATION_FAILED',
      );
      expect(same.errors[0]).toMatchObject({ path: 'toLocationId', code: 'SAME_LOCATION' });
      await refusedWithoutWrites(
        '/admin/inventory/transfer',
        {
          fromLocationId: '0190a000-0000-7000-8000-000000000006',
          toLocationId: shop.id,
          variantId: v,
          quantity: 1,
        },
        404,
        'LOCATION_NOT_FOUND',
      );
    });
  });
});
