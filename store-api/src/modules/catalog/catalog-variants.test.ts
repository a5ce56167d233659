import { isValidGtin, makeEan13, newId } from '@shoebox/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { useCatalogApp } from '../../test-support/admin-catalog-fixtures.ts';

// Variants: create, scanner lookup and the colour x size x width matrix.
describe(`admin catalog (${testDialect})`, () => {
  const { seed, post, patch, get, newProduct, variantBody, refused } = useCatalogApp();
  let t: TestApp;
  let nudeId: string;
  let blackId: string;
  beforeAll(() => {
    t = seed.t;
    nudeId = seed.nudeId;
    blackId = seed.blackId;
  });

  describe('variants', () => {
    it('creates a variant with a built SKU, normalised GTIN and the effective price', async () => {
      const p = await newProduct({ styleCode: 'MILA' });
      const res = await post(
        `/admin/products/${p.id}/variants`,
        variantBody({ sizeEu: 38.5, width: 'wide', gtin: '036000291452' }),
      );
      expect(res.status, res.text).toBe(201);
      expect(res.body).toEqual({
        id: res.body.id,
        productId: p.id,
        colourId: nudeId,
        sizeEu: 38.5,
        width: 'wide',
        sku: 'MILA-NUDE-38H-W',
        gtin: '0036000291452',
        priceMinor: null,
        compareAtMinor: null,
        effectivePriceMinor: 8900,
        weightGrams: 650,
        lowStockThreshold: 2,
        active: true,
      });
      const rows = await t.store.db.select().from(t.store.t.variants);
      expect(rows.find((r) => r.id === res.body.id)?.sizeEuTenths).toBe(385);
      const priced = await patch(`/admin/variants/${res.body.id}`, {
        priceMinor: 7900,
        compareAtMinor: 8900,
      });
      expect(priced.body).toMatchObject({
        priceMinor: 7900,
        compareAtMinor: 8900,
        effectivePriceMinor: 7900,
      });
    });

    it('finds a variant by SKU in any case and by GTIN in UPC-A or EAN-13 form', async () => {
      const p = await newProduct({ styleCode: 'LOOK' });
      const v = (await post(`/admin/products/${p.id}/variants`, variantBody({ gtin: '0012345678905' }))).body;
      expect((await get('/admin/variants?sku=look-nude-38', t.tokens.warehouse)).body.id).toBe(v.id);
      expect((await get('/admin/variants?gtin=012345678905')).body.id).toBe(v.id);
      expect((await get('/admin/variants?gtin=0012345678905')).body.id).toBe(v.id);
      expect((await get(`/admin/variants/${v.id}`)).body.sku).toBe('LOOK-NUDE-38');
      await refused(() => get('/admin/variants?sku=NOPE-1'), 404, 'VARIANT_NOT_FOUND');
      await refused(() => get('/admin/variants'), 400, 'VALIDATION_FAILED', 'SKU_OR_GTIN_REQUIRED');
      await refused(
        () => get('/admin/variants?gtin=0012345678904'),
        400,
        'VALIDATION_FAILED',
        'GTIN_CHECK_DIGIT',
      );
    });

    it('generates the missing colour x size x width matrix once, with SKUs and collision-free EAN-13s', async () => {
      const p = await newProduct({ styleCode: 'GRID' });
      // An EAN-13 already under the prefix: generated serials must continue after it.
      const manual = await post(
        `/admin/products/${p.id}/variants`,
        variantBody({ sizeEu: 37, gtin: makeEan13('200', 5) }),
      );
      expect(manual.status).toBe(201);
      const body = {
        colourIds: [nudeId, blackId],
        sizes: [38.5, 38, 37],
        widths: ['wide', 'standard'],
        gtinPrefix: '200',
      };
      const before = await tableCounts(t.store);
      const res = await post(`/admin/products/${p.id}/variants/generate`, body);
      expect(res.status, res.text).toBe(200);
      expect(res.body.skipped).toBe(1);
      expect(res.body.created).toHaveLength(11);
      const after = await tableCounts(t.store);
      expect(after.variants! - before.variants!).toBe(11);
      expect(after.audit_log! - before.audit_log!).toBe(1);
      const skus = res.body.created.map((v: { sku: string }) => v.sku);
      expect(skus).toEqual([
        'GRID-NUDE-37-W',
        'GRID-NUDE-38',
        'GRID-NUDE-38-W',
        'GRID-NUDE-38H',
        'GRID-NUDE-38H-W',
        'GRID-BLACK-37',
        'GRID-BLACK-37-W',
        'GRID-BLACK-38',
        'GRID-BLACK-38-W',
        'GRID-BLACK-38H',
        'GRID-BLACK-38H-W',
      ]);
      const gtins = res.body.created.map((v: { gtin: string }) => v.gtin);
      expect(gtins.every(isValidGtin)).toBe(true);
      expect(gtins[0]).toBe(makeEan13('200', 6));
      expect(new Set(gtins).size).toBe(11);
      expect(res.body.created[0]).toMatchObject({
        weightGrams: 700,
        lowStockThreshold: 2,
        active: true,
        priceMinor: null,
      });

      const again = await refusedNothing(() => post(`/admin/products/${p.id}/variants/generate`, body));
      expect(again).toEqual({ created: [], skipped: 12 });

      const more = await post(`/admin/products/${p.id}/variants/generate`, { ...body, sizes: [38, 40] });
      expect(more.body.skipped).toBe(4);
      expect(more.body.created.map((v: { sku: string }) => v.sku)).toEqual([
        'GRID-NUDE-40',
        'GRID-NUDE-40-W',
        'GRID-BLACK-40',
        'GRID-BLACK-40-W',
      ]);
      expect(more.body.created[0].gtin).toBe(makeEan13('200', 17));
      expect(more.body.created.every((v: { gtin: string }) => !gtins.includes(v.gtin))).toBe(true);

      const detail = await get(`/admin/products/${p.id}`);
      expect(detail.body.variants.map((v: { sku: string }) => v.sku).slice(0, 4)).toEqual([
        'GRID-BLACK-37',
        'GRID-BLACK-37-W',
        'GRID-BLACK-38',
        'GRID-BLACK-38-W',
      ]);
      expect(detail.body.variants).toHaveLength(16);
    });

    it('refuses a matrix with an unknown colour and writes nothing', async () => {
      const p = await newProduct();
      await refused(
        () =>
          post(`/admin/products/${p.id}/variants/generate`, { colourIds: [nudeId, newId()], sizes: [38] }),
        422,
        'COLOUR_NOT_FOUND',
      );
      await refused(
        () => post(`/admin/products/${p.id}/variants/generate`, { colourIds: [nudeId], sizes: [38.25] }),
        400,
        'VALIDATION_FAILED',
        'INVALID_EU_SIZE',
      );
    });

    /** The call succeeds and changes no table. */
    async function refusedNothing(fn: () => Promise<{ status: number; body: any; text: string }>) {
      const before = await tableCounts(t.store);
      const res = await fn();
      expect(res.status, res.text).toBe(200);
      expect(await tableCounts(t.store)).toEqual(before);
      return res.body;
    }
  });
});
