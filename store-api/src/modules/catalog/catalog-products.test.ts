import { newId } from '@shoebox/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { useCatalogApp } from '../../test-support/admin-catalog-fixtures.ts';

// Products: create, list, filter, versioning, activation, images.
describe(`admin catalog (${testDialect})`, () => {
  const { seed, post, patch, get, productBody, newProduct, variantBody, refused } = useCatalogApp();
  let t: TestApp;
  beforeAll(() => {
    t = seed.t;
  });

  describe('products', () => {
    it('creates a draft product at version 1 with style code and slug from the name', async () => {
      const res = await post(
        '/admin/products',
        productBody({ name: 'Mila pointed-toe pump', styleCode: undefined }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        styleCode: 'MILA-POINTED',
        slug: 'mila-pointed-toe-pump',
        status: 'draft',
        version: 1,
        tags: [],
        basePriceMinor: 8900,
      });
      const again = await post(
        '/admin/products',
        productBody({ name: 'Mila Pointed-Toe Pump', styleCode: 'MILA2' }),
      );
      expect(again.body.slug).toBe('mila-pointed-toe-pump-2');
      const third = await post(
        '/admin/products',
        productBody({ name: 'Mila pointed toe pump', styleCode: 'mila3' }),
      );
      expect(third.body).toMatchObject({ slug: 'mila-pointed-toe-pump-3', styleCode: 'MILA3' });
      const detail = await get(`/admin/products/${res.body.id}`);
      expect(detail.body).toMatchObject({ id: res.body.id, variants: [], images: [] });
    });

    it('refuses a taken style code, unknown brand or category, and activation without variants', async () => {
      const p = await newProduct();
      await refused(
        () => post('/admin/products', productBody({ styleCode: p.styleCode.toLowerCase() })),
        409,
        'STYLE_CODE_TAKEN',
      );
      await refused(() => post('/admin/products', productBody({ brandId: newId() })), 422, 'BRAND_NOT_FOUND');
      await refused(
        () => post('/admin/products', productBody({ categoryId: newId() })),
        422,
        'CATEGORY_NOT_FOUND',
      );
      await refused(
        () => post('/admin/products', productBody({ status: 'active' })),
        422,
        'PRODUCT_HAS_NO_VARIANTS',
      );
      await refused(
        () => patch(`/admin/products/${p.id}`, { status: 'active' }),
        422,
        'PRODUCT_HAS_NO_VARIANTS',
      );
      await refused(() => patch(`/admin/products/${p.id}`, { brandId: newId() }), 422, 'BRAND_NOT_FOUND');
      await refused(() => patch(`/admin/products/${newId()}`, { name: 'x' }), 404, 'PRODUCT_NOT_FOUND');
      await refused(() => get(`/admin/products/${newId()}`), 404, 'PRODUCT_NOT_FOUND');
    });

    it.each([
      ['an unknown field', { colourway: 'red' }, 'UNKNOWN_FIELD'],
      ['a negative price', { basePriceMinor: -1 }, 'TOO_SMALL'],
      ['a fractional price', { basePriceMinor: 89.5 }, 'NOT_INTEGER'],
      ['a fractional heel height', { heelHeightMm: 60.5 }, 'NOT_INTEGER'],
      ['a heel over 30 cm', { heelHeightMm: 301 }, 'TOO_BIG'],
      ['an unknown currency', { currency: 'BTC' }, 'INVALID_VALUE'],
      ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, 'TOO_BIG'],
      ['a style code with spaces', { styleCode: 'MI LA' }, 'INVALID_FORMAT'],
    ])('refuses a product with %s (400, tables unchanged)', async (_name, over, fieldCode) => {
      await refused(() => post('/admin/products', productBody(over)), 400, 'VALIDATION_FAILED', fieldCode);
    });

    it('stores SQL-looking text verbatim', async () => {
      const name = "Robert'); DROP TABLE variants;--";
      const p = await newProduct({
        name,
        material: "1' OR '1'='1",
        description: '"; DELETE FROM products; --',
      });
      const detail = await get(`/admin/products/${p.id}`);
      expect(detail.body).toMatchObject({
        name,
        material: "1' OR '1'='1",
        description: '"; DELETE FROM products; --',
      });
      const v = await post(`/admin/products/${p.id}/variants`, variantBody({ sku: 'ROBERT-DROP-38' }));
      expect(v.status).toBe(201);
      const found = await get(`/admin/products?q=${encodeURIComponent("'); DROP")}`);
      expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
      expect((await tableCounts(t.store)).variants).toBeGreaterThan(0);
    });

    it('filters the product list and escapes LIKE wildcards in q', async () => {
      const otherBrand = (await post('/admin/brands', { name: 'Filter brand' })).body.id;
      const suede = await newProduct({ name: '100% suede loafer', brandId: otherBrand });
      const under = await newProduct({ name: 'Under_score mule', brandId: otherBrand, tags: ['summer'] });
      const byBrand = await get(`/admin/products?brandId=${otherBrand}`);
      expect(byBrand.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      expect(byBrand.body.items.map((i: { id: string }) => i.id)).toEqual([suede.id, under.id]);
      expect(
        (await get(`/admin/products?q=${encodeURIComponent('%')}`)).body.items.map((i: any) => i.id),
      ).toEqual([suede.id]);
      expect((await get('/admin/products?q=_')).body.items.map((i: any) => i.id)).toEqual([under.id]);
      expect((await get(`/admin/products?q=SUEDE&brandId=${otherBrand}`)).body.total).toBe(1);
      expect((await get(`/admin/products?q=${under.styleCode.toLowerCase()}`)).body.items[0].id).toBe(
        under.id,
      );
      const paged = await get(`/admin/products?brandId=${otherBrand}&pageSize=1&page=2`);
      expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(paged.body.items.map((i: { id: string }) => i.id)).toEqual([under.id]);
      expect((await get('/admin/products?status=archived')).body.total).toBe(0);
      await refused(() => get('/admin/products?status=gone'), 400, 'VALIDATION_FAILED');
      await refused(() => get('/admin/products?colour=red'), 400, 'VALIDATION_FAILED', 'UNKNOWN_FIELD');
    });

    it('bumps the version on every change and refuses a stale baseVersion', async () => {
      const p = await newProduct();
      const first = await patch(`/admin/products/${p.id}`, { name: 'Renamed', baseVersion: 1 });
      expect(first.body).toMatchObject({ name: 'Renamed', version: 2, slug: p.slug });
      const stale = await refused(
        () => patch(`/admin/products/${p.id}`, { material: 'Suede', baseVersion: 1 }),
        409,
        'VERSION_CONFLICT',
      );
      expect(stale.details).toEqual({ currentVersion: 2 });
      const unchanged = await patch(`/admin/products/${p.id}`, { name: 'Renamed' });
      expect(unchanged.body.version).toBe(2);
      const tags = await patch(`/admin/products/${p.id}`, {
        tags: ['party', 'party', 'summer'],
        baseVersion: 2,
      });
      expect(tags.body).toMatchObject({ tags: ['party', 'summer'], version: 3 });
      expect((await get(`/admin/products/${p.id}`)).body).toMatchObject({
        version: 3,
        tags: ['party', 'summer'],
      });
    });

    it('activates a product once it has an active variant', async () => {
      const p = await newProduct();
      await post(`/admin/products/${p.id}/variants`, variantBody({ active: false }));
      await refused(
        () => patch(`/admin/products/${p.id}`, { status: 'active' }),
        422,
        'PRODUCT_HAS_NO_VARIANTS',
      );
      await post(`/admin/products/${p.id}/variants`, variantBody({ sizeEu: 39 }));
      const active = await patch(`/admin/products/${p.id}`, { status: 'active' });
      expect(active.body).toMatchObject({ status: 'active', version: 2 });
      expect((await get('/admin/products?status=active')).body.items.map((i: any) => i.id)).toContain(p.id);
    });

    it('shows images with the rendition urls their width allows', async () => {
      const p = await newProduct();
      const wide = newId();
      const small = newId();
      await t.store.tx(async (tx) => {
        await tx.insert(t.store.t.productImages).values([
          {
            id: small,
            productId: p.id,
            position: 1,
            alt: 'Side',
            width: 250,
            height: 250,
            createdAt: Date.now(),
          },
          {
            id: wide,
            productId: p.id,
            position: 0,
            alt: 'Front',
            width: 900,
            height: 600,
            createdAt: Date.now(),
          },
        ]);
      });
      const detail = await get(`/admin/products/${p.id}`);
      expect(detail.body.images).toEqual([
        {
          id: wide,
          productId: p.id,
          position: 0,
          alt: 'Front',
          width: 900,
          height: 600,
          urls: { '320': `/media/images/${wide}/320.webp`, '640': `/media/images/${wide}/640.webp` },
        },
        {
          id: small,
          productId: p.id,
          position: 1,
          alt: 'Side',
          width: 250,
          height: 250,
          urls: { '320': `/media/images/${small}/320.webp` },
        },
      ]);
    });
  });
});
