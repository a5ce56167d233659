import { computeCartTotals, defaultTaxRates, houseCarrierMethods } from '@shoebox/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProductFixture,
  type ProductFixture,
  setVariantActive,
} from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { guestCart, receiveStock } from '../../test-support/cart-fixtures.ts';
import { createCartService, pricingConfig } from './cart.service.ts';

describe(`cart: lifecycle, availability and tokens (${testDialect})`, () => {
  let t: TestApp;
  let mila: ProductFixture;
  let rosa: ProductFixture;
  let draft: ProductFixture;

  beforeAll(async () => {
    t = await startTestApp();
    mila = await createProductFixture(t, { styleCode: 'MILA', colours: ['NUDE'], sizes: [37, 38, 39] });
    rosa = await createProductFixture(t, { styleCode: 'ROSA', colours: ['BLACK'], sizes: [38, 39] });
    draft = await createProductFixture(t, {
      styleCode: 'DRAFTY',
      colours: ['NUDE'],
      sizes: [38],
      status: 'draft',
    });
    // Mila 38 costs its own price; Rosa keeps the product's base price.
    const patched = await t.call('PATCH', `/admin/variants/${mila.variant('NUDE', 38).id}`, {
      token: t.tokens.owner,
      body: { priceMinor: 8995, compareAtMinor: 11_900, weightGrams: 900 },
    });
    expect(patched.status, patched.text).toBe(200);
    await receiveStock(t, mila.variant('NUDE', 38).id, 5);
    await receiveStock(t, mila.variant('NUDE', 39).id, 20);
    await receiveStock(t, rosa.variant('BLACK', 39).id, 3);
    await receiveStock(t, draft.variant('NUDE', 38).id, 3);
  });
  afterAll(() => t.close());

  it('creates a guest cart with a ct_ token that appears nowhere in URLs or headers', async () => {
    const created = await t.call('POST', '/store/cart');
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^ct_[A-Za-z0-9_-]{32}$/);
    expect(created.headers.get('location')).toBeNull();
    expect(created.body.cart).toMatchObject({ status: 'open', currency: 'EUR', lines: [], version: 1 });
    for (const r of t.routes.filter((x) => x.path.startsWith('/store/cart'))) {
      expect(r.path).not.toMatch(/token/i);
    }
    // The token is stored hashed: no column holds it.
    const rows = await t.store.db.select().from(t.store.t.carts);
    expect(JSON.stringify(rows)).not.toContain(created.body.token);
  });

  it('prices lines exactly as computeCartTotals does, bumping the version on every change', async () => {
    const c = await guestCart(t);
    const m38 = mila.variant('NUDE', 38);
    const r39 = rosa.variant('BLACK', 39);
    let res = await c.call('POST', '/store/cart/lines', { variantId: m38.id, quantity: 2 });
    expect(res.status, res.text).toBe(200);
    expect(res.body.version).toBe(2);
    res = await c.call('POST', '/store/cart/lines', { sku: r39.sku.toLowerCase(), quantity: 1 });
    expect(res.status, res.text).toBe(200);
    expect(res.body.version).toBe(3);
    res = await c.call('POST', '/store/cart/lines', { variantId: m38.id, quantity: 1 });
    expect(res.body.version).toBe(4);
    expect(res.body.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
      [m38.sku, 3],
      [r39.sku, 1],
    ]);
    expect(res.body.lines[0]).toMatchObject({
      variantId: m38.id,
      productName: mila.name,
      colourName: 'Nude',
      sizeEu: 38,
      width: 'standard',
      unitPriceMinor: 8995,
      compareAtMinor: 11_900,
      lineTotalMinor: 3 * 8995,
      available: 5,
      sellable: true,
    });
    expect(res.body.lines[1]).toMatchObject({ unitPriceMinor: 8900, available: 3 });

    const detail = await t.call('GET', `/admin/products/${rosa.id}`, { token: t.tokens.owner });
    const rosaWeight = detail.body.variants.find((v: { id: string }) => v.id === r39.id).weightGrams;
    const expected = computeCartTotals({
      lines: [
        {
          variantId: m38.id,
          sku: m38.sku,
          quantity: 3,
          unitPriceMinor: 8995,
          compareAtMinor: 11_900,
          weightGrams: 900,
        },
        {
          variantId: r39.id,
          sku: r39.sku,
          quantity: 1,
          unitPriceMinor: 8900,
          compareAtMinor: null,
          weightGrams: rosaWeight,
        },
      ],
      currency: 'EUR',
      shippingMethods: houseCarrierMethods,
      taxRates: defaultTaxRates,
      defaultCountry: 'IE',
      now: Date.now(),
    });
    expect(res.body.totals).toEqual(expected);

    res = await c.call('PATCH', `/store/cart/lines/${m38.id}`, { quantity: 1 });
    expect(res.status, res.text).toBe(200);
    expect(res.body.version).toBe(5);
    expect(res.body.totals.subtotalMinor).toBe(8995 + 8900);
    res = await c.call('PATCH', `/store/cart/lines/${m38.id}`, { quantity: 0 });
    expect(res.body.lines.map((l: { sku: string }) => l.sku)).toEqual([r39.sku]);
    res = await c.call('DELETE', `/store/cart/lines/${r39.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ lines: [], version: 7 });
    expect(res.body.totals.totalMinor).toBe(0);

    const got = await c.call('GET', '/store/cart');
    expect(got.body.version).toBe(7);
  });

  it('uses the same pricing config as checkout will', () => {
    expect(pricingConfig({ shopCountry: 'IE' })).toEqual({
      shippingMethods: houseCarrierMethods,
      taxRates: defaultTaxRates,
      defaultCountry: 'IE',
    });
  });

  it('refuses more than is available with INSUFFICIENT_STOCK and the available count', async () => {
    const c = await guestCart(t);
    const m38 = mila.variant('NUDE', 38);
    const before = await tableCounts(t.store);
    const res = await c.call('POST', '/store/cart/lines', { variantId: m38.id, quantity: 6 });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('INSUFFICIENT_STOCK');
    expect(res.body.details).toMatchObject({ available: 5, requested: 6 });
    expect(await tableCounts(t.store)).toEqual(before);

    await c.call('POST', '/store/cart/lines', { variantId: m38.id, quantity: 4 });
    const more = await c.call('POST', '/store/cart/lines', { variantId: m38.id, quantity: 2 });
    expect(more.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { available: 5 } });
    const patch = await c.call('PATCH', `/store/cart/lines/${m38.id}`, { quantity: 6 });
    expect(patch.body.code).toBe('INSUFFICIENT_STOCK');
    // Out of stock entirely: a size never received.
    const none = await c.call('POST', '/store/cart/lines', {
      variantId: mila.variant('NUDE', 37).id,
      quantity: 1,
    });
    expect(none.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { available: 0 } });
    expect((await c.call('GET', '/store/cart')).body.version).toBe(2);
  });

  it('refuses unknown, inactive and unpublished variants with VARIANT_NOT_SELLABLE', async () => {
    const c = await guestCart(t);
    const before = await tableCounts(t.store);
    for (const body of [
      { variantId: '0190a000-0000-7000-8000-000000000000', quantity: 1 },
      { sku: 'NO-SUCH-SKU', quantity: 1 },
      { variantId: draft.variant('NUDE', 38).id, quantity: 1 },
    ]) {
      const res = await c.call('POST', '/store/cart/lines', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.code).toBe('VARIANT_NOT_SELLABLE');
    }
    const r38 = rosa.variant('BLACK', 38);
    await receiveStock(t, r38.id, 2);
    const added = await c.call('POST', '/store/cart/lines', { variantId: r38.id, quantity: 1 });
    expect(added.status).toBe(200);
    await setVariantActive(t, r38.id, false);
    const refused = await c.call('POST', '/store/cart/lines', { variantId: r38.id, quantity: 1 });
    expect(refused.body.code).toBe('VARIANT_NOT_SELLABLE');
    const shown = await c.call('GET', '/store/cart');
    expect(shown.body.lines[0]).toMatchObject({ variantId: r38.id, sellable: false });
    await setVariantActive(t, r38.id, true);
    expect(before.carts).toBe((await tableCounts(t.store)).carts);
  });

  it('caps a line at 10 units with CART_LIMIT', async () => {
    const c = await guestCart(t);
    const m39 = mila.variant('NUDE', 39);
    const res = await c.call('POST', '/store/cart/lines', { variantId: m39.id, quantity: 11 });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CART_LIMIT', details: { limit: 10 } });
    await c.call('POST', '/store/cart/lines', { variantId: m39.id, quantity: 8 });
    expect((await c.call('POST', '/store/cart/lines', { variantId: m39.id, quantity: 3 })).body.code).toBe(
      'CART_LIMIT',
    );
    expect((await c.call('PATCH', `/store/cart/lines/${m39.id}`, { quantity: 11 })).body.code).toBe(
      'CART_LIMIT',
    );
    expect((await c.call('PATCH', `/store/cart/lines/${m39.id}`, { quantity: 10 })).status).toBe(200);
  });

  it('serialises concurrent changes to one cart: every add counts, each bumps the version once', async () => {
    const c = await guestCart(t);
    const m39 = mila.variant('NUDE', 39).id;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => c.call('POST', '/store/cart/lines', { variantId: m39, quantity: 1 })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const cart = (await c.call('GET', '/store/cart')).body;
    expect(cart.lines).toEqual([expect.objectContaining({ variantId: m39, quantity: 6 })]);
    expect(cart.version).toBe(7);
  });

  it('keeps every one of concurrent line and field changes to one cart (none lost to another)', async () => {
    const c = await guestCart(t);
    const ids = [mila.variant('NUDE', 38).id, mila.variant('NUDE', 39).id, rosa.variant('BLACK', 39).id];
    const results = await Promise.all([
      ...ids.map((variantId) => c.call('POST', '/store/cart/lines', { variantId, quantity: 1 })),
      c.call('PUT', '/store/cart/contact', { email: 'race@example.com' }),
      c.call('PUT', '/store/cart/shipping', {
        address: { name: 'Ana Race', line1: '1 Main St', city: 'Dublin', postalCode: 'D01', country: 'IE' },
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // Each answer shows its own change applied to everything committed before it.
    expect(new Set(results.map((r) => r.body.version)).size).toBe(5);
    const cart = (await c.call('GET', '/store/cart')).body;
    expect(cart.lines.map((l: { variantId: string }) => l.variantId).sort()).toEqual([...ids].sort());
    expect(cart.email).toBe('race@example.com');
    expect(cart.shippingAddress.city).toBe('Dublin');
    expect(cart.version).toBe(6);
  });

  it('answers CART_TOKEN_REQUIRED without a token and CART_NOT_FOUND for an unknown one', async () => {
    const before = await tableCounts(t.store);
    const missing = await t.call('GET', '/store/cart');
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('CART_TOKEN_REQUIRED');
    for (const token of ['ct_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'garbage', 'ct_short']) {
      const res = await t.call('GET', '/store/cart', { headers: { 'x-cart-token': token } });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('CART_NOT_FOUND');
    }
    const add = await t.call('POST', '/store/cart/lines', {
      body: { variantId: mila.variant('NUDE', 39).id, quantity: 1 },
    });
    expect(add.body.code).toBe('CART_TOKEN_REQUIRED');
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('answers CART_LINE_NOT_FOUND when changing a line the cart does not have', async () => {
    const c = await guestCart(t);
    const id = mila.variant('NUDE', 39).id;
    expect((await c.call('PATCH', `/store/cart/lines/${id}`, { quantity: 2 })).body.code).toBe(
      'CART_LINE_NOT_FOUND',
    );
    expect((await c.call('DELETE', `/store/cart/lines/${id}`)).body.code).toBe('CART_LINE_NOT_FOUND');
    expect((await c.call('PATCH', `/store/cart/lines/${id}`, { quantity: 0 })).status).toBe(404);
  });

  it('refuses changes to a converted cart with CART_CONVERTED but still shows it', async () => {
    const c = await guestCart(t);
    const m39 = mila.variant('NUDE', 39);
    await c.call('POST', '/store/cart/lines', { variantId: m39.id, quantity: 1 });
    const services = { cart: createCartService(t.store, t.config) };
    const checkout = await services.cart.forCheckout(t.store.db, c.token, Date.now());
    expect(checkout.lines).toEqual([
      expect.objectContaining({
        variantId: m39.id,
        sku: m39.sku,
        sizeEuTenths: 390,
        quantity: 1,
        sellable: true,
      }),
    ]);
    expect(checkout.totals.lines).toHaveLength(1);
    expect(checkout.coupon).toBeNull();
    await expect(
      services.cart.forCheckout(t.store.db, 'ct_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', Date.now()),
    ).rejects.toMatchObject({
      code: 'CART_NOT_FOUND',
    });
    expect(await t.store.tx((tx) => services.cart.markConverted(tx, checkout.cart.id, Date.now()))).toBe(
      true,
    );
    expect(await t.store.tx((tx) => services.cart.markConverted(tx, checkout.cart.id, Date.now()))).toBe(
      false,
    );

    const before = await tableCounts(t.store);
    for (const [method, path, body] of [
      ['POST', '/store/cart/lines', { variantId: m39.id, quantity: 1 }],
      ['PATCH', `/store/cart/lines/${m39.id}`, { quantity: 2 }],
      ['DELETE', `/store/cart/lines/${m39.id}`, undefined],
      ['PUT', '/store/cart/contact', { email: 'late@example.com' }],
      ['DELETE', '/store/cart/coupon', undefined],
    ] as const) {
      const res = await c.call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(409);
      expect(res.body.code).toBe('CART_CONVERTED');
    }
    expect(await tableCounts(t.store)).toEqual(before);
    const shown = await c.call('GET', '/store/cart');
    expect(shown.body).toMatchObject({ status: 'converted', version: 2 });
    expect((await services.cart.forCheckout(t.store.db, c.token, Date.now())).cart.status).toBe('converted');
  });

  it('answers bad input at every cart route with 4xx problem+json and writes nothing', async () => {
    const c = await guestCart(t);
    const id = mila.variant('NUDE', 39).id;
    await c.call('POST', '/store/cart/lines', { variantId: id, quantity: 1 });
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', '/store/cart/lines', { quantity: 1 }, 400, 'VALIDATION_FAILED'],
      ['POST', '/store/cart/lines', { variantId: id, sku: 'X', quantity: 1 }, 400, 'VALIDATION_FAILED'],
      ['POST', '/store/cart/lines', { variantId: id, quantity: 0 }, 400, 'VALIDATION_FAILED'],
      ['POST', '/store/cart/lines', { variantId: id, quantity: 1.5 }, 400, 'VALIDATION_FAILED'],
      ['POST', '/store/cart/lines', { variantId: 'nope', quantity: 1 }, 400, 'VALIDATION_FAILED'],
      ['POST', '/store/cart/lines', { variantId: id, quantity: 1, price: 1 }, 400, 'VALIDATION_FAILED'],
      ['PATCH', `/store/cart/lines/${id}`, { quantity: -1 }, 400, 'VALIDATION_FAILED'],
      ['PATCH', '/store/cart/lines/not-a-uuid', { quantity: 1 }, 400, 'VALIDATION_FAILED'],
      ['DELETE', '/store/cart/lines/not-a-uuid', undefined, 400, 'VALIDATION_FAILED'],
      ['PUT', '/store/cart/coupon', { code: '' }, 400, 'VALIDATION_FAILED'],
      ['PUT', '/store/cart/coupon', {}, 400, 'VALIDATION_FAILED'],
      ['PUT', '/store/cart/shipping', { address: { name: 'A' } }, 400, 'VALIDATION_FAILED'],
      [
        'PUT',
        '/store/cart/shipping',
        { address: { name: 'A', line1: '1 St', city: 'Cork', postalCode: 'T12', country: 'Ireland' } },
        400,
        'VALIDATION_FAILED',
      ],
      ['PUT', '/store/cart/contact', { email: 'not-an-email' }, 400, 'VALIDATION_FAILED'],
      ['PUT', '/store/cart/contact', { email: 'a@b.ie', extra: 1 }, 400, 'VALIDATION_FAILED'],
    ];
    const before = await tableCounts(t.store);
    const version = (await c.call('GET', '/store/cart')).body.version;
    for (const [method, path, body, status, code] of cases) {
      const res = await c.call(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe(code);
    }
    // Broken JSON and a body on a body-less route.
    const broken = await t.call('POST', '/store/cart/lines', {
      rawBody: '{"quantity":',
      headers: { 'content-type': 'application/json', 'x-cart-token': c.token },
    });
    expect(broken.body.code).toBe('MALFORMED_JSON');
    const stray = await t.call('POST', '/store/cart', {
      rawBody: '{"x":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(stray.body.code).toBe('UNEXPECTED_BODY');
    expect(await tableCounts(t.store)).toEqual(before);
    expect((await c.call('GET', '/store/cart')).body.version).toBe(version);
  });
});
