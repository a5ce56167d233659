import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductFixture,
  type ProductFixture,
  setVariantActive,
} from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';

describe(`inventory: locations, ledger writes and reads (${testDialect})`, () => {
  let t: TestApp;
  let main: { id: string; code: string };
  let shop: { id: string; code: string };
  let binA: { id: string };
  let shopBin: { id: string };
  let mila: ProductFixture;

  const post = (path: string, body: unknown, token = t.tokens.warehouse) =>
    t.call('POST', path, { token, body });
  const get = (path: string, token = t.tokens.warehouse) => t.call('GET', path, { token });
  const level = async (variantId: string, locationId: string) => {
    const res = await get(`/admin/inventory/levels?variantId=${variantId}&locationId=${locationId}`);
    return res.body.items[0] as {
      onHand: number;
      reserved: number;
      available: number;
      binCode: string | null;
    };
  };
  /** Sends a request that must be refused and proves no table changed. */
  const refusedWithoutWrites = async (path: string, body: unknown, status: number, code: string) => {
    const before = await tableCounts(t.store);
    const res = await post(path, body);
    expect(res.status, res.text).toBe(status);
    expect(res.body.code).toBe(code);
    expect(await tableCounts(t.store)).toEqual(before);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    main = (await post('/admin/stock-locations', { code: 'main', name: 'Main warehouse' }, t.tokens.owner))
      .body;
    shop = (await post('/admin/stock-locations', { code: 'SHOP', name: 'Shop stockroom' }, t.tokens.owner))
      .body;
    binA = (await post(`/admin/stock-locations/${main.id}/bins`, { code: 'a-03-2' })).body;
    shopBin = (await post(`/admin/stock-locations/${shop.id}/bins`, { code: 'S-01-1' })).body;
    mila = await createProductFixture(t, {
      name: 'Mila pointed-toe pump',
      styleCode: 'MILA',
      colours: ['NUDE', 'BLACK'],
      sizes: [36, 37, 38, 39, 40, 41],
      lowStockThreshold: 2,
    });
  });
  afterAll(() => t.close());

  describe('locations and bins', () => {
    it('creates locations with upper-case codes and lists them by code', async () => {
      expect(main.code).toBe('MAIN');
      const list = await get('/admin/stock-locations');
      expect(list.status).toBe(200);
      expect(list.body.map((l: { code: string }) => l.code)).toEqual(['MAIN', 'SHOP']);
    });

    it('refuses a duplicate location code (409 LOCATION_CODE_TAKEN) and writes nothing', async () => {
      const before = await tableCounts(t.store);
      const res = await post('/admin/stock-locations', { code: 'Main', name: 'Again' }, t.tokens.owner);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('LOCATION_CODE_TAKEN');
      expect(await tableCounts(t.store)).toEqual(before);
    });

    it('lets only settings:manage create locations; warehouse may create bins', async () => {
      const res = await post('/admin/stock-locations', { code: 'X', name: 'X' }, t.tokens.warehouse);
      expect(res.status).toBe(403);
      const bins = await get(`/admin/stock-locations/${main.id}/bins`);
      expect(bins.body).toEqual([expect.objectContaining({ code: 'A-03-2', locationId: main.id })]);
    });

    it('refuses a duplicate bin code in one location but allows it in another', async () => {
      const dup = await post(`/admin/stock-locations/${main.id}/bins`, { code: 'A-03-2' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('BIN_CODE_TAKEN');
      const other = await post(`/admin/stock-locations/${shop.id}/bins`, { code: 'A-03-2' });
      expect(other.status).toBe(201);
    });

    it('answers 404 LOCATION_NOT_FOUND for bins of an unknown location', async () => {
      const res = await get('/admin/stock-locations/0190a000-0000-7000-8000-000000000000/bins');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('LOCATION_NOT_FOUND');
    });
  });

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
