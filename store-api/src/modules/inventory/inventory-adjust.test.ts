/** Signed adjustments with a reason, starting from the stock the receive tests leave behind. */
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
  let binA: InventoryWorld['binA'];
  let mila: ProductFixture;
  const { post, level, refusedWithoutWrites } = inventoryHelpers(() => t);

  beforeAll(async () => {
    ({ t, main, shop, binA, mila } = await startInventoryWorld());
    // The stock the receive tests leave behind (inventory-receive.test.ts): nude 36 x 5 in A-03-2, 37 x 3.
    const received = await post('/admin/inventory/receive', {
      locationId: main.id,
      reference: 'PO-1001',
      lines: [
        { variantId: mila.variant('NUDE', 36).id, quantity: 5, binId: binA.id },
        { variantId: mila.variant('NUDE', 37).id, quantity: 3 },
      ],
    });
    if (received.status !== 201) throw new Error(`receive failed: ${received.text}`);
  });
  afterAll(() => t.close());

  describe('adjust', () => {
    it('applies a signed delta with a reason and note, and returns the new level', async () => {
      const v = mila.variant('NUDE', 36).id;
      const start = await level(v, main.id);
      const res = await post('/admin/inventory/adjust', {
        locationId: main.id,
        variantId: v,
        delta: -1,
        reason: 'damage',
        note: 'heel snapped',
      });
      expect(res.status, res.text).toBe(201);
      expect(res.body.movement).toMatchObject({
        kind: 'adjust',
        quantity: -1,
        onHandDelta: -1,
        reason: 'damage: heel snapped',
      });
      expect(res.body.level).toEqual({ onHand: start.onHand - 1, reserved: 0, available: start.onHand - 1 });
      const audit = await t.call('GET', `/admin/audit-log?entity=variant&entityId=${v}`, {
        token: t.tokens.owner,
      });
      expect(audit.body.items[0]).toMatchObject({
        action: 'inventory.adjust',
        before: { onHand: start.onHand },
        after: { onHand: start.onHand - 1, delta: -1 },
      });
    });

    it('refuses taking stock below zero with 422 INSUFFICIENT_STOCK and writes nothing', async () => {
      const v = mila.variant('NUDE', 37).id;
      const { onHand } = await level(v, main.id);
      const body = await refusedWithoutWrites(
        '/admin/inventory/adjust',
        { locationId: main.id, variantId: v, delta: -(onHand + 1), reason: 'loss' },
        422,
        'INSUFFICIENT_STOCK',
      );
      expect(body.details).toMatchObject({ onHand, reserved: 0, available: onHand });
      // A variant never stocked here has no level to take from.
      await refusedWithoutWrites(
        '/admin/inventory/adjust',
        { locationId: shop.id, variantId: v, delta: -1, reason: 'loss' },
        422,
        'INSUFFICIENT_STOCK',
      );
    });

    it('refuses a zero delta, a fractional one, a reason going the wrong way and a missing reason', async () => {
      const v = mila.variant('NUDE', 36).id;
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ delta: 0, reason: 'correction' }, 'delta', 'ZERO_DELTA'],
        [{ delta: 0.5, reason: 'correction' }, 'delta', 'NOT_INTEGER'],
        [{ delta: 2, reason: 'damage' }, 'delta', 'REASON_DIRECTION'],
        [{ delta: -2, reason: 'found' }, 'delta', 'REASON_DIRECTION'],
        [{ delta: 1 }, 'reason', 'REQUIRED'],
        [{ delta: 1, reason: 'gift' }, 'reason', 'INVALID_VALUE'],
      ];
      for (const [extra, path, code] of cases) {
        const body = await refusedWithoutWrites(
          '/admin/inventory/adjust',
          { locationId: main.id, variantId: v, ...extra },
          400,
          'VALIDATION_FAILED',
        );
        expect(body.errors, JSON.stringify(extra)).toEqual([expect.objectContaining({ path, code })]);
      }
    });

    it('answers 404 for an unknown variant or location', async () => {
      const v = mila.variant('NUDE', 36).id;
      await refusedWithoutWrites(
        '/admin/inventory/adjust',
        { locationId: main.id, variantId: '0190a000-0000-7000-8000-000000000003', delta: 1, reason: 'found' },
        404,
        'VARIANT_NOT_FOUND',
      );
      await refusedWithoutWrites(
        '/admin/inventory/adjust',
        { locationId: '0190a000-0000-7000-8000-000000000004', variantId: v, delta: 1, reason: 'found' },
        404,
        'LOCATION_NOT_FOUND',
      );
    });
  });
});
