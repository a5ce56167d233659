import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordChanges } from '../../lib/changes.ts';
import { startSecondApp, startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import { buildShop, type Shop } from '../../test-support/store-fixtures.ts';

const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((i) => i.name);
const counts = (values: { value: string; count: number }[]) =>
  Object.fromEntries(values.map((v) => [v.value, v.count]));

describe(`store read path over HTTP (${testDialect})`, () => {
  let t: TestApp;
  let shop: Shop;
  beforeAll(async () => {
    t = await startTestApp();
    shop = await buildShop(t);
  });
  afterAll(() => t.close());

  const list = (query = '') => t.call('GET', `/store/products${query ? `?${query}` : ''}`);
  const detail = (slug: string) => t.call('GET', `/store/products/${slug}`);
  const sizeRow = async (slug: string, colour: string, sizeEu: number) => {
    const res = await detail(slug);
    expect(res.status).toBe(200);
    return res.body.colours
      .find((c: { code: string }) => c.code === colour)
      ?.variants.find((v: { sizeEu: number }) => v.sizeEu === sizeEu);
  };

  it('lists active products with active variants only, most popular first', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(names(res)).toEqual(['Tess ballerina', 'Élodie pump', 'Mira pump', 'Nova sandal', 'Rhea bootie']);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 5 });
    expect(res.body.seq).toBeGreaterThan(0);
    const text = res.text;
    expect(text).not.toContain('Secret pump');
    expect(text).not.toContain('Old boot');
  });

  it('shows a product card with prices, colours, sizes in stock and no internal fields', async () => {
    const res = await list('q=elodie');
    const [card] = res.body.items;
    expect(card).toEqual({
      id: shop.products.elodie!.id,
      slug: shop.products.elodie!.slug,
      name: 'Élodie pump',
      brand: { slug: 'mila', name: 'Mila' },
      category: { slug: 'pumps-heels', name: 'Pumps & heels' },
      heelBand: 'high',
      heelHeightMm: 90,
      priceMinor: 10_000,
      compareAtMinor: 15_000,
      currency: 'EUR',
      colours: [
        { code: 'BLACK', name: 'Black', family: 'black', swatchHex: '#111111' },
        { code: 'CHERRY', name: 'Cherry', family: 'red', swatchHex: '#AA1122' },
      ],
      sizesInStock: [37, 38],
      inStock: true,
      imageUrl: null,
    });
  });

  it('narrows by category, brand, size, colour, heel, price, stock and words', async () => {
    expect(names(await list('category=pumps-heels'))).toEqual(['Élodie pump', 'Mira pump']);
    expect(names(await list('category=flats,boots'))).toEqual([
      'Tess ballerina',
      'Nova sandal',
      'Rhea bootie',
    ]);
    expect(names(await list('brand=oceane'))).toEqual(['Mira pump', 'Rhea bootie']);
    expect(names(await list('size=38.5'))).toEqual(['Rhea bootie']);
    expect(names(await list('size=36,40'))).toEqual(['Mira pump', 'Nova sandal']);
    expect(names(await list('size=36&size=40'))).toEqual(['Mira pump', 'Nova sandal']);
    expect(names(await list('colour=red'))).toEqual(['Élodie pump', 'Mira pump']);
    expect(names(await list('heel=flat,low'))).toEqual(['Tess ballerina', 'Nova sandal', 'Rhea bootie']);
    expect(names(await list('minPrice=8000&maxPrice=9000'))).toEqual(['Mira pump', 'Nova sandal']);
    expect(names(await list('inStock=true'))).toEqual([
      'Tess ballerina',
      'Élodie pump',
      'Mira pump',
      'Nova sandal',
    ]);
    expect(names(await list('q=ÉLODIE'))).toEqual(['Élodie pump']);
    expect(names(await list('q=oceane'))).toEqual(['Mira pump', 'Rhea bootie']);
    expect(names(await list('q=cherry%20pump'))).toEqual(['Élodie pump', 'Mira pump']);
    // One variant must satisfy size, colour and stock together.
    expect(names(await list('colour=red&size=38'))).toEqual(['Élodie pump', 'Mira pump']);
    expect(names(await list('colour=red&size=38&inStock=true'))).toEqual([]);
    expect(names(await list('size=38&inStock=true'))).toEqual(['Élodie pump']);
  });

  it('counts facets with every other filter applied, in products', async () => {
    const res = await list('colour=red&category=pumps-heels');
    const { facets } = res.body;
    expect(res.body.total).toBe(2);
    expect(counts(facets.colour)).toEqual({ black: 1, blue: 0, nude: 1, red: 2 });
    expect(counts(facets.category)).toEqual({ 'pumps-heels': 2, flats: 0, boots: 0 });
    expect(counts(facets.brand)).toEqual({ mila: 1, oceane: 1 });
    expect(counts(facets.size)).toEqual({ '36': 0, '37': 1, '38': 2, '38.5': 0, '39': 2, '40': 1 });
    expect(counts(facets.heel)).toEqual({ flat: 0, low: 0, mid: 1, high: 1 });
    expect(facets.price).toEqual({ min: 8_000, max: 12_000 });
    expect(facets.size.find((s: { value: string }) => s.value === '38').label).toBe('EU 38 / US 7.5 / UK 5');
  });

  it('sorts by price both ways, by newness and by popularity, ties by id', async () => {
    expect(names(await list('sort=price_asc'))).toEqual([
      'Tess ballerina',
      'Mira pump',
      'Nova sandal',
      'Élodie pump',
      'Rhea bootie',
    ]);
    expect(names(await list('sort=price_desc'))).toEqual([
      'Rhea bootie',
      'Élodie pump',
      'Nova sandal',
      'Mira pump',
      'Tess ballerina',
    ]);
    const newest = names(await list('sort=new'));
    expect(newest).toHaveLength(5);
    expect(newest[0]).toBe('Nova sandal');
  });

  it('pages with a stable total', async () => {
    const first = await list('pageSize=2');
    const third = await list('pageSize=2&page=3');
    const beyond = await list('pageSize=2&page=4');
    expect(names(first)).toEqual(['Tess ballerina', 'Élodie pump']);
    expect(names(third)).toEqual(['Rhea bootie']);
    expect(beyond.body.items).toEqual([]);
    expect([first, third, beyond].map((r) => r.body.total)).toEqual([5, 5, 5]);
  });

  it('shows the product page with availability per size and brand size labels', async () => {
    const res = await detail(shop.products.elodie!.slug);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Élodie pump',
      description: 'Élodie pump: a test shoe.',
      material: 'Leather',
      brand: { slug: 'mila', name: 'Mila' },
      heelBand: 'high',
      tags: ['test'],
      priceMinor: 10_000,
      inStock: true,
      images: [],
    });
    expect(res.body.colours.map((c: { code: string }) => c.code)).toEqual(['BLACK', 'CHERRY']);
    const black = res.body.colours[0].variants;
    expect(black.map((v: { sizeEu: number; available: number }) => [v.sizeEu, v.available])).toEqual([
      [37, 0],
      [38, 2],
      [39, 0],
    ]);
    expect(black[1]).toMatchObject({
      sizeLabels: { eu: '38', us: '7.5', uk: '5' },
      width: 'standard',
      priceMinor: 10_000,
      compareAtMinor: null,
      inStock: true,
    });
    expect(res.body.colours[1].variants[1]).toMatchObject({
      sizeEu: 38,
      priceMinor: 12_000,
      compareAtMinor: 15_000,
    });
    // The GTIN is printed on the box and goes into the page's schema.org Offer, so it is public;
    // stock positions, weights and thresholds are not.
    expect(res.text).not.toMatch(
      /"(status|popularity|version|locationId|onHand|reserved|weightGrams|lowStockThreshold)"/,
    );
    // Inactive variants are not shown.
    const rhea = await detail(shop.products.rhea!.slug);
    expect(rhea.body.colours[0].variants.map((v: { sizeEu: number }) => v.sizeEu)).toEqual([38.5]);
  });

  it('answers 404 PRODUCT_NOT_FOUND for an unknown slug and for draft or archived products', async () => {
    for (const slug of ['no-such-shoe', shop.products.secret!.slug, shop.products.old!.slug]) {
      const res = await detail(slug);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('PRODUCT_NOT_FOUND');
    }
  });

  it('shows a receive and an adjustment to zero on the very next request', async () => {
    const tess = shop.products.tess!;
    const nude38 = tess.variant('NUDE', 38);
    expect(await sizeRow(tess.slug, 'NUDE', 38)).toMatchObject({ available: 0, inStock: false });
    const received = await t.call('POST', '/admin/inventory/receive', {
      token: t.tokens.warehouse,
      body: { locationId: shop.locationId, lines: [{ variantId: nude38.id, quantity: 3 }] },
    });
    expect(received.status).toBe(201);
    expect(await sizeRow(tess.slug, 'NUDE', 38)).toMatchObject({ available: 3, inStock: true });
    expect(names(await list('size=38&inStock=true'))).toEqual(['Tess ballerina', 'Élodie pump']);

    const adjusted = await t.call('POST', '/admin/inventory/adjust', {
      token: t.tokens.warehouse,
      body: { locationId: shop.locationId, variantId: nude38.id, delta: -3, reason: 'damage' },
    });
    expect(adjusted.status).toBe(201);
    expect(await sizeRow(tess.slug, 'NUDE', 38)).toMatchObject({ available: 0, inStock: false });
    expect(names(await list('size=38&inStock=true'))).toEqual(['Élodie pump']);
  });

  it('reflects catalog edits on the next request: price, deactivation, status', async () => {
    const nova = shop.products.nova!;
    const navy37 = nova.variant('NAVY', 37);
    const priced = await t.call('PATCH', `/admin/variants/${navy37.id}`, {
      token: t.tokens.owner,
      body: { priceMinor: 7_000 },
    });
    expect(priced.status).toBe(200);
    expect((await list('q=nova')).body.items[0].priceMinor).toBe(7_000);
    await t.call('PATCH', `/admin/variants/${navy37.id}`, { token: t.tokens.owner, body: { active: false } });
    expect((await list('q=nova')).body.items[0].priceMinor).toBe(9_000);
    const archived = await t.call('PATCH', `/admin/products/${nova.id}`, {
      token: t.tokens.owner,
      body: { status: 'archived' },
    });
    expect(archived.status).toBe(200);
    expect(names(await list('q=nova'))).toEqual([]);
    expect((await detail(nova.slug)).status).toBe(404);
    await t.call('PATCH', `/admin/products/${nova.id}`, {
      token: t.tokens.owner,
      body: { status: 'active' },
    });
    await t.call('PATCH', `/admin/variants/${navy37.id}`, {
      token: t.tokens.owner,
      body: { active: true, priceMinor: null },
    });
    expect(names(await list('q=nova'))).toEqual(['Nova sandal']);
  });

  it('shows a change made through a second app instance on the same database', async () => {
    const second = await startSecondApp(t);
    try {
      const mira = shop.products.mira!;
      const nude38 = mira.variant('NUDE', 38);
      // Both instances have loaded their read model.
      expect((await second.call('GET', `/store/products/${mira.slug}`)).status).toBe(200);
      expect(await sizeRow(mira.slug, 'NUDE', 38)).toMatchObject({ available: 0 });
      const received = await second.call('POST', '/admin/inventory/receive', {
        token: t.tokens.warehouse,
        body: { locationId: shop.locationId, lines: [{ variantId: nude38.id, quantity: 6 }] },
      });
      expect(received.status).toBe(201);
      expect(await sizeRow(mira.slug, 'NUDE', 38)).toMatchObject({ available: 6, inStock: true });
      const renamed = await second.call('PATCH', `/admin/brands/${shop.brands.oceane}`, {
        token: t.tokens.owner,
        body: { name: 'Océane Paris' },
      });
      expect(renamed.status).toBe(200);
      const res = await list('brand=oceane');
      expect(res.body.items[0].brand).toEqual({ slug: 'oceane', name: 'Océane Paris' });
      await second.call('PATCH', `/admin/brands/${shop.brands.oceane}`, {
        token: t.tokens.owner,
        body: { name: 'Océane' },
      });
    } finally {
      await second.close();
    }
  });

  // MySQL hands out autoincrement values at insert time, so a transaction can commit seq k after
  // k+1 is visible. SQLite runs one writer at a time, so this cannot happen there and the test is
  // only registered on MySQL.
  const onMysql = (testDialect === 'mysql' ? it : () => undefined) as typeof it;
  onMysql('applies a change whose lower seq commits after a higher one is already visible', async () => {
    const elodie = shop.products.elodie!;
    const black38 = elodie.variant('BLACK', 38);
    const before = (await sizeRow(elodie.slug, 'BLACK', 38)).available;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let taken!: () => void;
    const seqTaken = new Promise<void>((resolve) => {
      taken = resolve;
    });
    const { stockLevels } = t.store.t;
    const slow = t.store.tx(async (tx) => {
      await tx
        .update(stockLevels)
        .set({ onHand: sql`${stockLevels.onHand} + 5` })
        .where(and(eq(stockLevels.variantId, black38.id), eq(stockLevels.locationId, shop.locationId)));
      await recordChanges(t.store, tx, 'stock', [black38.id], Date.now());
      taken();
      await gate;
    });
    await seqTaken;
    // A later transaction commits first with a higher seq.
    const received = await t.call('POST', '/admin/inventory/receive', {
      token: t.tokens.warehouse,
      body: {
        locationId: shop.locationId,
        lines: [{ variantId: elodie.variant('BLACK', 39).id, quantity: 1 }],
      },
    });
    expect(received.status).toBe(201);
    expect(await sizeRow(elodie.slug, 'BLACK', 39)).toMatchObject({ available: 1 });
    expect(await sizeRow(elodie.slug, 'BLACK', 38)).toMatchObject({ available: before });

    release();
    await slow;
    expect(await sizeRow(elodie.slug, 'BLACK', 38)).toMatchObject({ available: before + 5 });
  });

  it('sends an ETag, answers 304 to If-None-Match and a fresh 200 after a change', async () => {
    const first = await list('category=flats');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const again = await list('category=flats');
    expect(again.headers.get('etag')).toBe(etag);
    const notModified = await t.call('GET', '/store/products?category=flats', {
      headers: { 'if-none-match': etag },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    const weak = await t.call('GET', '/store/products?category=flats', {
      headers: { 'if-none-match': `"other", W/${etag}` },
    });
    expect(weak.status).toBe(304);

    const tess = shop.products.tess!;
    await t.call('POST', '/admin/inventory/receive', {
      token: t.tokens.warehouse,
      body: { locationId: shop.locationId, lines: [{ variantId: tess.variant('NUDE', 37).id, quantity: 1 }] },
    });
    const changed = await t.call('GET', '/store/products?category=flats', {
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);

    const product = await detail(tess.slug);
    const productNotModified = await t.call('GET', `/store/products/${tess.slug}`, {
      headers: { 'if-none-match': product.headers.get('etag')! },
    });
    expect(productNotModified.status).toBe(304);
  });

  it('refuses bad query parameters with 400 problem+json', async () => {
    const cases: [string, string][] = [
      ['colr=black', 'colr'],
      ['minPrice=9000&maxPrice=100', 'minPrice'],
      ['pageSize=61', 'pageSize'],
      ['page=0', 'page'],
      ['size=50', 'size.0'],
      ['size=abc', 'size.0'],
      ['heel=tall', 'heel.0'],
      ['colour=plaid', 'colour.0'],
      ['inStock=yes', 'inStock'],
      ['minPrice=-1', 'minPrice'],
      ['maxPrice=1.5', 'maxPrice'],
      ['sort=cheapest', 'sort'],
      [`q=${'x'.repeat(101)}`, 'q'],
    ];
    for (const [query, path] of cases) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        query,
      ).toContain(path);
    }
    const inverted = await list('minPrice=9000&maxPrice=100');
    expect(inverted.body.errors[0]).toMatchObject({ code: 'PRICE_RANGE_INVERTED' });
    expect(inverted.body.detail).toContain('minPrice (9000) must not be greater than maxPrice (100)');
  });

  it('treats SQL- and FTS-looking search text as plain words', async () => {
    for (const q of [
      "' OR 1=1 --",
      '"foo" NEAR bar*',
      "%' UNION SELECT * FROM staff_users --",
      'pump*',
      '_%',
    ]) {
      const res = await list(`q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(Array.isArray(res.body.items)).toBe(true);
    }
    expect((await list(`q=${encodeURIComponent("' OR 1=1 --")}`)).body.total).toBe(0);
    expect(names(await list(`q=${encodeURIComponent('pump*')}`))).toEqual(['Élodie pump', 'Mira pump']);
  });

  it('lists categories and brands with their listed product counts', async () => {
    const categories = await t.call('GET', '/store/categories');
    expect(categories.status).toBe(200);
    expect(
      categories.body.map((c: { slug: string; productCount: number }) => [c.slug, c.productCount]),
    ).toEqual([
      ['pumps-heels', 2],
      ['flats', 2],
      ['boots', 1],
    ]);
    const brands = await t.call('GET', '/store/brands');
    expect(brands.body.map((b: { slug: string; productCount: number }) => [b.slug, b.productCount])).toEqual([
      ['mila', 3],
      ['oceane', 2],
    ]);
    expect(brands.headers.get('etag')).toBeTruthy();
  });
});
