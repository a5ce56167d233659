/** Receiving stock: several lines at once, bins, and the checks made before anything is written. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProductFixture, setVariantActive } from '../../test-support/catalog-fixtures.ts';
import { type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import {
  inventoryHelpers,
  type InventoryWorld,
  startInventoryWorld,
} from '../../test-support/inventory-fixtures.ts';

describe(`inventory: locations, ledger writes and reads (${testDialect})`, () => {
  let t: TestApp;
  let main: InventoryWorld['main'];
  let binA: InventoryWorld['binA'];
  let shopBin: InventoryWorld['shopBin'];
  let mila: ProductFixture;
  const { post, level, refusedWithoutWrites } = inventoryHelpers(() => t);

  beforeAll(async () => {
    ({ t, main, binA, shopBin, mila } = await startInventoryWorld());
  });
  afterAll(() => t.close());

  describe('receive', () => {
    it('receives several lines in one go, shelves them in a bin and records movements, changes and audit', async () => {
      const v36 = mila.variant('NUDE', 36);
      const v37 = mila.variant('NUDE', 37);
      const before = await tableCounts(t.store);
      const res = await post('/admin/inventory/receive', {
        locationId: main.id,
        reference: 'PO-1001',
        lines: [
          { variantId: v36.id, quantity: 5, binId: binA.id },
          { variantId: v37.id, quantity: 3 },
        ],
      });
      expect(res.status, res.text).toBe(201);
      expect(res.body.movements).toHaveLength(2);
      expect(res.body.movements[0]).toMatchObject({
        kind: 'receive',
        quantity: 5,
        onHandDelta: 5,
        reservedDelta: 0,
        reference: 'PO-1001',
      });
      expect(await level(v36.id, main.id)).toMatchObject({
        onHand: 5,
        reserved: 0,
        available: 5,
        binCode: 'A-03-2',
      });
      expect(await level(v37.id, main.id)).toMatchObject({ onHand: 3, binCode: null });
      const after = await tableCounts(t.store);
      expect(after.stock_movements! - before.stock_movements!).toBe(2);
      expect(after.stock_levels! - before.stock_levels!).toBe(2);
      expect(after.change_log! - before.change_log!).toBe(2);
      expect(after.audit_log! - before.audit_log!).toBe(1);
    });

    it('refuses zero, negative and fractional quantities and unknown fields with field codes', async () => {
      const v = mila.variant('NUDE', 38).id;
      for (const [quantity, code] of [
        [0, 'TOO_SMALL'],
        [-2, 'TOO_SMALL'],
        [1.5, 'NOT_INTEGER'],
      ] as const) {
        const body = await refusedWithoutWrites(
          '/admin/inventory/receive',
          { locationId: main.id, lines: [{ variantId: v, quantity }] },
          400,
          'VALIDATION_FAILED',
        );
        expect(body.errors).toEqual([expect.objectContaining({ path: 'lines.0.quantity', code })]);
      }
      const unknown = await refusedWithoutWrites(
        '/admin/inventory/receive',
        { locationId: main.id, lines: [{ variantId: v, quantity: 1, colour: 'red' }], supplier: 'x' },
        400,
        'VALIDATION_FAILED',
      );
      expect(unknown.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'supplier', code: 'UNKNOWN_FIELD' }),
          expect.objectContaining({ path: 'lines.0.colour', code: 'UNKNOWN_FIELD' }),
        ]),
      );
    });

    it('checks every line before writing any: unknown variant, inactive variant, bin of another location, duplicate', async () => {
      const good = mila.variant('BLACK', 38).id;
      const inactive = mila.variant('BLACK', 41).id;
      await setVariantActive(t, inactive, false);
      const body = await refusedWithoutWrites(
        '/admin/inventory/receive',
        {
          locationId: main.id,
          lines: [
            { variantId: good, quantity: 2 },
            { variantId: '0190a000-0000-7000-8000-000000000001', quantity: 1 },
            { variantId: inactive, quantity: 1 },
            { variantId: mila.variant('BLACK', 39).id, quantity: 1, binId: shopBin.id },
            { variantId: good, quantity: 1 },
          ],
        },
        400,
        'LINES_INVALID',
      );
      expect(body.errors).toEqual([
        expect.objectContaining({ path: 'lines.1.variantId', code: 'VARIANT_NOT_FOUND' }),
        expect.objectContaining({ path: 'lines.2.variantId', code: 'VARIANT_INACTIVE' }),
        expect.objectContaining({ path: 'lines.3.binId', code: 'BIN_NOT_IN_LOCATION' }),
        expect.objectContaining({ path: 'lines.4.variantId', code: 'DUPLICATE_LINE' }),
      ]);
      await setVariantActive(t, inactive, true);
    });

    it('answers 404 LOCATION_NOT_FOUND for an unknown location and refuses more than 500 lines', async () => {
      const v = mila.variant('NUDE', 38).id;
      await refusedWithoutWrites(
        '/admin/inventory/receive',
        { locationId: '0190a000-0000-7000-8000-000000000002', lines: [{ variantId: v, quantity: 1 }] },
        404,
        'LOCATION_NOT_FOUND',
      );
      const many = Array.from({ length: 501 }, () => ({ variantId: v, quantity: 1 }));
      const body = await refusedWithoutWrites(
        '/admin/inventory/receive',
        { locationId: main.id, lines: many },
        400,
        'VALIDATION_FAILED',
      );
      expect(body.errors[0]).toMatchObject({ path: 'lines', code: 'TOO_BIG' });
    });
  });
});
