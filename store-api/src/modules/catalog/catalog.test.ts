import { isValidGtin, makeEan13, newId } from '@shoebox/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';

/** Audit `before`/`after` are JSON; MariaDB hands JSON columns back as text. */
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

describe(`admin catalog (${testDialect})`, () => {
  let t: TestApp;
  let brandId: string;
  let categoryId: string;
  let nudeId: string;
  let blackId: string;
  let styleCounter = 0;

  beforeAll(async () => {
    t = await startTestApp();
    brandId = (await post('/admin/brands', { name: 'Mila & Co' })).body.id;
    categoryId = (await post('/admin/categories', { name: 'Pumps & heels' })).body.id;
    nudeId = (await post('/admin/colours', { name: 'Nude', family: 'nude', swatchHex: '#e3bc9a' })).body.id;
    blackId = (await post('/admin/colours', { name: 'Black', family: 'black', swatchHex: '#000000' })).body
      .id;
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown, token = t.tokens.manager) =>
    t.call('POST', path, { token, body });
  const patch = (path: string, body: unknown, token = t.tokens.manager) =>
    t.call('PATCH', path, { token, body });
  const get = (path: string, token = t.tokens.manager) => t.call('GET', path, { token });

  const productBody = (over: Record<string, unknown> = {}) => ({
    name: `Style ${++styleCounter}`,
    styleCode: `ST${styleCounter}`,
    description: 'A pump',
    brandId,
    categoryId,
    material: 'Leather',
    heelHeightMm: 60,
    basePriceMinor: 8900,
    currency: 'EUR',
    ...over,
  });
  const newProduct = async (over: Record<string, unknown> = {}) => {
    const res = await post('/admin/products', productBody(over));
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const variantBody = (over: Record<string, unknown> = {}) => ({
    colourId: nudeId,
    sizeEu: 38,
    weightGrams: 650,
    ...over,
  });

  /** Calls `fn` and checks that it answered `status`/`code` and that no table changed. */
  async function refused(
    fn: () => Promise<{ status: number; body: any; text: string }>,
    status: number,
    code: string,
    fieldCode?: string,
  ) {
    const before = await tableCounts(t.store);
    const res = await fn();
    expect(res.status, res.text).toBe(status);
    expect(res.body.code).toBe(code);
    if (fieldCode) expect(res.body.errors.map((e: { code: string }) => e.code)).toContain(fieldCode);
    expect(await tableCounts(t.store)).toEqual(before);
    return res.body;
  }

  describe('brands, categories and colours', () => {
    it('creates a brand with a slug from its name, lists and renames it', async () => {
      const created = await post('/admin/brands', { name: 'Höga Klackar' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: created.body.id,
        name: 'Höga Klackar',
        slug: 'hoga-klackar',
        sizeChart: null,
      });
      const renamed = await patch(`/admin/brands/${created.body.id}`, {
        name: 'Höga',
        sizeChart: { '38': { us: 7.5, uk: 5 } },
      });
      expect(renamed.body).toMatchObject({
        name: 'Höga',
        slug: 'hoga-klackar',
        sizeChart: { '38': { us: 7.5, uk: 5 } },
      });
      const list = await get('/admin/brands', t.tokens.warehouse);
      expect(list.status).toBe(200);
      expect(list.body.find((b: { id: string }) => b.id === created.body.id)).toMatchObject({ name: 'Höga' });
    });

    it('refuses a duplicate brand slug, category slug and colour code with 409', async () => {
      await refused(() => post('/admin/brands', { name: 'MILA & CO' }), 409, 'BRAND_SLUG_TAKEN');
      await refused(
        () => post('/admin/categories', { name: 'x', slug: 'pumps-heels' }),
        409,
        'CATEGORY_SLUG_TAKEN',
      );
      await refused(
        () =>
          post('/admin/colours', { name: 'Nude again', code: 'nude', family: 'nude', swatchHex: '#E3BC9A' }),
        409,
        'COLOUR_CODE_TAKEN',
      );
      const other = await post('/admin/brands', { name: 'Other brand' });
      await refused(
        () => patch(`/admin/brands/${other.body.id}`, { slug: 'mila-co' }),
        409,
        'BRAND_SLUG_TAKEN',
      );
    });

    it('numbers categories after the last one and moves them', async () => {
      const a = await post('/admin/categories', { name: 'Flats & ballerinas' });
      const b = await post('/admin/categories', { name: 'Sandals' });
      expect(b.body.position).toBe(a.body.position + 1);
      const moved = await patch(`/admin/categories/${b.body.id}`, { position: 0 });
      expect(moved.body).toMatchObject({ slug: 'sandals', position: 0 });
    });

    it('upper-cases colour codes and swatches and checks family and hex', async () => {
      const res = await post('/admin/colours', {
        name: 'Cherry red',
        code: 'cherry',
        family: 'red',
        swatchHex: '#aa0011',
      });
      expect(res.body).toMatchObject({ code: 'CHERRY', swatchHex: '#AA0011', family: 'red' });
      const derived = await post('/admin/colours', {
        name: 'Rosé gold',
        family: 'metallic',
        swatchHex: '#B76E79',
      });
      expect(derived.body.code).toBe('ROSE-GOLD');
      await refused(
        () => post('/admin/colours', { name: 'Teal', family: 'teal', swatchHex: '#008080' }),
        400,
        'VALIDATION_FAILED',
        'INVALID_VALUE',
      );
      await refused(
        () => post('/admin/colours', { name: 'Teal', family: 'blue', swatchHex: '008080' }),
        400,
        'VALIDATION_FAILED',
        'INVALID_FORMAT',
      );
      const renamed = await patch(`/admin/colours/${res.body.id}`, { name: 'Cherry' });
      expect(renamed.body).toMatchObject({ name: 'Cherry', code: 'CHERRY' });
    });

    it('answers 404 for a missing brand, category or colour in the URL', async () => {
      await refused(() => patch(`/admin/brands/${newId()}`, { name: 'x' }), 404, 'BRAND_NOT_FOUND');
      await refused(() => patch(`/admin/categories/${newId()}`, { name: 'x' }), 404, 'CATEGORY_NOT_FOUND');
      await refused(() => patch(`/admin/colours/${newId()}`, { name: 'x' }), 404, 'COLOUR_NOT_FOUND');
    });

    it('lets warehouse staff read but not write the catalog', async () => {
      expect((await get('/admin/colours', t.tokens.warehouse)).status).toBe(200);
      await refused(
        () => post('/admin/brands', { name: 'Nope' }, t.tokens.warehouse),
        403,
        'PERMISSION_DENIED',
      );
      await refused(
        () => post('/admin/products', productBody(), t.tokens.warehouse),
        403,
        'PERMISSION_DENIED',
      );
    });
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

    describe('refuses bad variants with a precise code and no writes', () => {
      let productId: string;
      let otherProductId: string;
      beforeAll(async () => {
        productId = (await newProduct({ styleCode: 'BAD' })).id;
        otherProductId = (await newProduct({ styleCode: 'BAD2' })).id;
        const first = await post(
          `/admin/products/${productId}/variants`,
          variantBody({ sku: 'Bad-Nude-38', gtin: '4006381333931' }),
        );
        expect(first.body).toMatchObject({ sku: 'BAD-NUDE-38', gtin: '4006381333931' });
        const upc = await post(
          `/admin/products/${productId}/variants`,
          variantBody({ sizeEu: 39, gtin: '614141000036' }),
        );
        expect(upc.status).toBe(201);
      });

      it.each([
        [
          'a SKU differing only in case',
          () => variantBody({ sizeEu: 40, sku: 'bad-nude-38' }),
          409,
          'SKU_TAKEN',
          undefined,
        ],
        [
          'a GTIN with a bad check digit',
          () => variantBody({ sizeEu: 40, gtin: '4006381333932' }),
          400,
          'VALIDATION_FAILED',
          'GTIN_CHECK_DIGIT',
        ],
        [
          'a GTIN of the wrong length',
          () => variantBody({ sizeEu: 40, gtin: '40063813339' }),
          400,
          'VALIDATION_FAILED',
          'GTIN_LENGTH',
        ],
        [
          'an EAN-13 that is a stored UPC-A',
          () => variantBody({ sizeEu: 40, gtin: '0614141000036' }),
          409,
          'GTIN_TAKEN',
          undefined,
        ],
        [
          'a UPC-A whose EAN-13 form is stored',
          () => variantBody({ sizeEu: 40, gtin: '614141000036' }),
          409,
          'GTIN_TAKEN',
          undefined,
        ],
        [
          'the same GTIN again',
          () => variantBody({ sizeEu: 40, gtin: '4006381333931' }),
          409,
          'GTIN_TAKEN',
          undefined,
        ],
        [
          'an existing colour, size and width',
          () => variantBody({ sku: 'BAD-OTHER' }),
          409,
          'VARIANT_EXISTS',
          undefined,
        ],
        [
          'a size that is not a half size',
          () => variantBody({ sizeEu: 38.2 }),
          400,
          'VALIDATION_FAILED',
          'INVALID_EU_SIZE',
        ],
        [
          'a size out of range',
          () => variantBody({ sizeEu: 44 }),
          400,
          'VALIDATION_FAILED',
          'INVALID_EU_SIZE',
        ],
        [
          'a negative price',
          () => variantBody({ sizeEu: 40, priceMinor: -100 }),
          400,
          'VALIDATION_FAILED',
          'TOO_SMALL',
        ],
        [
          'a fractional price',
          () => variantBody({ sizeEu: 40, priceMinor: 12.5 }),
          400,
          'VALIDATION_FAILED',
          'NOT_INTEGER',
        ],
        [
          'an unknown field',
          () => variantBody({ sizeEu: 40, colour: 'red' }),
          400,
          'VALIDATION_FAILED',
          'UNKNOWN_FIELD',
        ],
        [
          'an unknown width',
          () => variantBody({ sizeEu: 40, width: 'huge' }),
          400,
          'VALIDATION_FAILED',
          'INVALID_VALUE',
        ],
        [
          'a SKU with SQL in it',
          () => variantBody({ sizeEu: 40, sku: "X'; DROP TABLE variants;--" }),
          400,
          'VALIDATION_FAILED',
          'INVALID_FORMAT',
        ],
        [
          'a compare-at price not above the base price',
          () => variantBody({ sizeEu: 40, compareAtMinor: 8900 }),
          422,
          'COMPARE_AT_NOT_HIGHER',
          undefined,
        ],
        [
          'a compare-at price not above its own price',
          () => variantBody({ sizeEu: 40, priceMinor: 5000, compareAtMinor: 4000 }),
          422,
          'COMPARE_AT_NOT_HIGHER',
          undefined,
        ],
        [
          'an unknown colour',
          () => variantBody({ sizeEu: 40, colourId: newId() }),
          422,
          'COLOUR_NOT_FOUND',
          'COLOUR_NOT_FOUND',
        ],
      ])('%s', async (_name, body, status, code, fieldCode) => {
        await refused(() => post(`/admin/products/${productId}/variants`, body()), status, code, fieldCode);
      });

      it('a SKU taken by another product, in lower case', async () => {
        await refused(
          () => post(`/admin/products/${otherProductId}/variants`, variantBody({ sku: 'bad-nude-38' })),
          409,
          'SKU_TAKEN',
        );
      });

      it('a variant of a missing product', async () => {
        await refused(
          () => post(`/admin/products/${newId()}/variants`, variantBody()),
          404,
          'PRODUCT_NOT_FOUND',
        );
      });

      it('a patch that would duplicate a SKU or GTIN or break the compare-at rule', async () => {
        const v = (await post(`/admin/products/${otherProductId}/variants`, variantBody())).body;
        await refused(() => patch(`/admin/variants/${v.id}`, { sku: 'bad-nude-38' }), 409, 'SKU_TAKEN');
        await refused(() => patch(`/admin/variants/${v.id}`, { gtin: '614141000036' }), 409, 'GTIN_TAKEN');
        await refused(
          () => patch(`/admin/variants/${v.id}`, { compareAtMinor: 100 }),
          422,
          'COMPARE_AT_NOT_HIGHER',
        );
        await refused(
          () => patch(`/admin/variants/${v.id}`, { sizeEu: 39 }),
          400,
          'VALIDATION_FAILED',
          'UNKNOWN_FIELD',
        );
        await refused(() => patch(`/admin/variants/${newId()}`, { active: false }), 404, 'VARIANT_NOT_FOUND');
        // A base price at or below an existing compare-at price of a variant without its own price.
        await patch(`/admin/variants/${v.id}`, { compareAtMinor: 9900 });
        await refused(
          () => patch(`/admin/products/${otherProductId}`, { basePriceMinor: 9900 }),
          422,
          'COMPARE_AT_NOT_HIGHER',
        );
      });
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

  describe('price permission', () => {
    let keyToken: string;
    beforeAll(async () => {
      const key = await post(
        '/admin/api-keys',
        { name: 'catalog bot', permissions: ['catalog:read', 'catalog:write'] },
        t.tokens.owner,
      );
      expect(key.status, key.text).toBe(201);
      keyToken = key.body.key;
    });

    it('lets a manager change prices', async () => {
      const p = await newProduct();
      const res = await patch(`/admin/products/${p.id}`, { basePriceMinor: 9900 });
      expect(res.body).toMatchObject({ basePriceMinor: 9900, version: 2 });
    });

    it('refuses price changes to a client with catalog:write but not prices:write', async () => {
      const p = await newProduct();
      await refused(() => post('/admin/products', productBody(), keyToken), 403, 'PERMISSION_DENIED');
      await refused(
        () => patch(`/admin/products/${p.id}`, { basePriceMinor: 1 }, keyToken),
        403,
        'PERMISSION_DENIED',
      );
      const renamed = await patch(
        `/admin/products/${p.id}`,
        { name: 'Bot rename', basePriceMinor: p.basePriceMinor },
        keyToken,
      );
      expect(renamed.body).toMatchObject({ name: 'Bot rename', version: 2 });
      await refused(
        () => post(`/admin/products/${p.id}/variants`, variantBody({ priceMinor: 5000 }), keyToken),
        403,
        'PERMISSION_DENIED',
      );
      const v = await post(`/admin/products/${p.id}/variants`, variantBody({ priceMinor: null }), keyToken);
      expect(v.status).toBe(201);
      await refused(
        () => patch(`/admin/variants/${v.body.id}`, { compareAtMinor: 99_000 }, keyToken),
        403,
        'PERMISSION_DENIED',
      );
      const weight = await patch(`/admin/variants/${v.body.id}`, { weightGrams: 720 }, keyToken);
      expect(weight.body.weightGrams).toBe(720);
    });
  });

  it('audits every write with before and after and appends to the change log', async () => {
    const changesBefore = (await tableCounts(t.store)).change_log!;
    const p = await newProduct();
    await patch(`/admin/products/${p.id}`, { material: 'Patent leather' });
    const v = (await post(`/admin/products/${p.id}/variants`, variantBody())).body;
    await patch(`/admin/variants/${v.id}`, { lowStockThreshold: 5 });
    expect((await tableCounts(t.store)).change_log! - changesBefore).toBe(4);

    const log = await get(`/admin/audit-log?entity=product&entityId=${p.id}`, t.tokens.owner);
    const entries = log.body.items.map((e: any) => ({ ...e, before: json(e.before), after: json(e.after) }));
    const update = entries.find((e: any) => e.action === 'product.update');
    expect(update).toMatchObject({
      actorType: 'staff',
      before: { material: 'Leather', version: 1 },
      after: { material: 'Patent leather', version: 2 },
    });
    expect(entries.find((e: any) => e.action === 'product.create').after).toMatchObject({ id: p.id });
    const variantLog = await get(`/admin/audit-log?entity=variant&entityId=${v.id}`, t.tokens.owner);
    expect(variantLog.body.items.map((e: any) => e.action).sort()).toEqual([
      'variant.create',
      'variant.update',
    ]);
    const vUpdate = variantLog.body.items.find((e: any) => e.action === 'variant.update');
    expect(json(vUpdate.before).lowStockThreshold).toBe(2);
    expect(json(vUpdate.after).lowStockThreshold).toBe(5);
  });
});
