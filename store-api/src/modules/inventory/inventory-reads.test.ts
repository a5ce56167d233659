/** Level lists, the product grid, movements, low stock and broken size runs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductFixture, type ProductFixture } from '../../test-support/catalog-fixtures.ts';
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
  const { post, get } = inventoryHelpers(() => t);

  beforeAll(async () => {
    ({ t, main, shop } = await startInventoryWorld());
  });
  afterAll(() => t.close());

  describe('reads', () => {
    let sam: ProductFixture;
    beforeAll(async () => {
      // Sam: nude has stock in 36, 41 but none in 37-39 (38 never received) -> broken run;
      // black has every size -> not broken. Draft product Zed with holes -> ignored.
      sam = await createProductFixture(t, {
        name: 'Sam slingback',
        styleCode: 'SAM',
        colours: ['NUDE', 'BLACK'],
        sizes: [36, 37, 38, 39, 40, 41],
        lowStockThreshold: 1,
      });
      const lines = [
        ...[36, 41, 40].map((s) => ({ variantId: sam.variant('NUDE', s).id, quantity: 4 })),
        { variantId: sam.variant('NUDE', 37).id, quantity: 1 },
        { variantId: sam.variant('NUDE', 39).id, quantity: 1 },
        ...[36, 37, 38, 39, 40, 41].map((s) => ({ variantId: sam.variant('BLACK', s).id, quantity: 3 })),
      ];
      expect((await post('/admin/inventory/receive', { locationId: main.id, lines })).status).toBe(201);
      for (const s of [37, 39])
        await post('/admin/inventory/adjust', {
          locationId: main.id,
          variantId: sam.variant('NUDE', s).id,
          delta: -1,
          reason: 'damage',
        });
      // 40 nude moves to the shop: out at MAIN, still in stock overall.
      await post('/admin/inventory/transfer', {
        fromLocationId: main.id,
        toLocationId: shop.id,
        variantId: sam.variant('NUDE', 40).id,
        quantity: 4,
      });
      const zed = await createProductFixture(t, {
        styleCode: 'ZED',
        colours: ['NUDE'],
        sizes: [36, 38],
        status: 'draft',
      });
      await post('/admin/inventory/receive', {
        locationId: main.id,
        lines: [{ variantId: zed.variant('NUDE', 36).id, quantity: 2 }],
      });
    });

    it('lists levels with sku, product, colour, size, bin and availability, filtered and paginated', async () => {
      const res = await get(`/admin/inventory/levels?productId=${sam.id}&locationId=${main.id}&pageSize=5`);
      expect(res.status, res.text).toBe(200);
      expect(res.body.total).toBe(11); // nude 38 was never received
      expect(res.body.items).toHaveLength(5);
      expect(res.body.items[0]).toMatchObject({
        sku: 'SAM-BLACK-36',
        productName: 'Sam slingback',
        colourName: 'Black',
        sizeEu: 36,
        locationCode: 'MAIN',
        onHand: 3,
        reserved: 0,
        available: 3,
        lowStock: false,
      });
      const page3 = await get(
        `/admin/inventory/levels?productId=${sam.id}&locationId=${main.id}&pageSize=5&page=3`,
      );
      expect(page3.body.items).toHaveLength(1);
    });

    it('filters levels at or below their threshold with lowStock=true', async () => {
      const res = await get(`/admin/inventory/levels?productId=${sam.id}&lowStock=true`);
      expect(
        res.body.items.map((l: { sku: string; locationCode: string }) => `${l.sku}@${l.locationCode}`),
      ).toEqual(['SAM-NUDE-37@MAIN', 'SAM-NUDE-39@MAIN', 'SAM-NUDE-40@MAIN']);
      const bad = await get('/admin/inventory/levels?lowStock=maybe&colour=red');
      expect(bad.status).toBe(400);
    });

    it('draws a product grid of sizes x colours summed over locations', async () => {
      const res = await get(`/admin/inventory/products/${sam.id}/grid`);
      expect(res.status, res.text).toBe(200);
      expect(res.body.sizes).toEqual([36, 37, 38, 39, 40, 41]);
      expect(res.body.colours.map((c: { code: string }) => c.code).sort()).toEqual(['BLACK', 'NUDE']);
      expect(res.body.cells).toHaveLength(12);
      const cell = (code: string, size: number) =>
        res.body.cells.find(
          (c: { colourId: string; sizeEu: number }) =>
            c.colourId === sam.variant(code, size).colourId && c.sizeEu === size,
        );
      expect(cell('NUDE', 40)).toMatchObject({ onHand: 4, available: 4, lowStock: false });
      expect(cell('NUDE', 38)).toMatchObject({ onHand: 0, available: 0, lowStock: true });
      const atMain = await get(`/admin/inventory/products/${sam.id}/grid?locationId=${main.id}`);
      expect(
        atMain.body.cells.find((c: { variantId: string }) => c.variantId === sam.variant('NUDE', 40).id),
      ).toMatchObject({ onHand: 0, lowStock: true });
      const missing = await get('/admin/inventory/products/0190a000-0000-7000-8000-000000000007/grid');
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('PRODUCT_NOT_FOUND');
    });

    it('lists movements newest first with filters', async () => {
      const v = sam.variant('NUDE', 40).id;
      const res = await get(`/admin/inventory/movements?variantId=${v}`);
      expect(res.status, res.text).toBe(200);
      expect(
        res.body.items.map((m: { kind: string; locationCode: string }) => `${m.kind}@${m.locationCode}`),
      ).toEqual(['transfer_in@SHOP', 'transfer_out@MAIN', 'receive@MAIN']);
      expect(res.body.items[0]).toMatchObject({ sku: 'SAM-NUDE-40', actorType: 'staff' });
      const adjusts = await get(`/admin/inventory/movements?productId=${sam.id}&kind=adjust`);
      expect(adjusts.body.total).toBe(2);
      const future = await get(
        `/admin/inventory/movements?productId=${sam.id}&from=${new Date(Date.now() + 60_000).toISOString()}`,
      );
      expect(future.body.total).toBe(0);
      const bad = await get('/admin/inventory/movements?kind=steal');
      expect(bad.status).toBe(400);
    });

    it('lists sellable variants at or below their threshold over all locations, or one', async () => {
      const res = await get('/admin/inventory/low-stock?pageSize=200');
      expect(res.status, res.text).toBe(200);
      const skus = res.body.items
        .map((i: { sku: string }) => i.sku)
        .filter((s: string) => s.startsWith('SAM-'));
      expect(skus.sort()).toEqual(['SAM-NUDE-37', 'SAM-NUDE-38', 'SAM-NUDE-39']);
      expect(res.body.items.some((i: { sku: string }) => i.sku.startsWith('ZED-'))).toBe(false);
      const atMain = await get(`/admin/inventory/low-stock?locationId=${main.id}&pageSize=200`);
      expect(atMain.body.items.map((i: { sku: string }) => i.sku)).toContain('SAM-NUDE-40');
      expect(atMain.body.items[0].available).toBe(0);
    });

    it('finds broken size runs: core sizes out while other sizes of the colour remain', async () => {
      const res = await get('/admin/inventory/broken-size-runs');
      expect(res.status, res.text).toBe(200);
      const sams = res.body.items.filter((r: { productId: string }) => r.productId === sam.id);
      expect(sams).toEqual([
        expect.objectContaining({
          productName: 'Sam slingback',
          colourCode: 'NUDE',
          missingSizes: [37, 38, 39],
          inStockSizes: [36, 40, 41],
        }),
      ]);
      expect(res.body.items.some((r: { styleCode: string }) => r.styleCode === 'ZED')).toBe(false);
      const atMain = await get(`/admin/inventory/broken-size-runs?locationId=${main.id}`);
      expect(atMain.body.items.find((r: { productId: string }) => r.productId === sam.id)).toMatchObject({
        missingSizes: [37, 38, 39, 40],
        inStockSizes: [36, 41],
      });
    });
  });
});
