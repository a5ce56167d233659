import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductFixture, type ProductFixture } from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { guestCart, receiveStock, registerCustomer } from '../../test-support/cart-fixtures.ts';

const address = {
  name: 'Aoife Byrne',
  line1: '1 Main St',
  city: 'Cork',
  postalCode: 'T12 X1Y2',
  country: 'ie',
};

describe(`cart: shipping, contact and customer carts (${testDialect})`, () => {
  let t: TestApp;
  let mila: ProductFixture;
  let boot: ProductFixture;

  beforeAll(async () => {
    t = await startTestApp();
    mila = await createProductFixture(t, { styleCode: 'MILA', colours: ['NUDE'], sizes: [37, 38, 39] });
    boot = await createProductFixture(t, { styleCode: 'BOOT', colours: ['BLACK'], sizes: [39] });
    const heavy = await t.call('PATCH', `/admin/variants/${boot.variant('BLACK', 39).id}`, {
      token: t.tokens.owner,
      body: { weightGrams: 1500 },
    });
    expect(heavy.status, heavy.text).toBe(200);
    await receiveStock(t, mila.variant('NUDE', 37).id, 4);
    await receiveStock(t, mila.variant('NUDE', 38).id, 10);
    await receiveStock(t, mila.variant('NUDE', 39).id, 10);
    await receiveStock(t, boot.variant('BLACK', 39).id, 20);
  });
  afterAll(() => t.close());

  describe('shipping and contact', () => {
    it('stores the address with an upper-cased country and prices the chosen method', async () => {
      const c = await guestCart(t);
      await c.call('POST', '/store/cart/lines', { variantId: mila.variant('NUDE', 38).id, quantity: 1 });
      const res = await c.call('PUT', '/store/cart/shipping', { address, methodId: 'house-express' });
      expect(res.status, res.text).toBe(200);
      expect(res.body.shippingAddress).toEqual({ ...address, country: 'IE' });
      expect(res.body.shippingMethodId).toBe('house-express');
      expect(res.body.totals.shipping).toMatchObject({ methodId: 'house-express', zone: 'domestic' });
      expect(res.body.totals.shippingMinor).toBe(995);
      expect(res.body.totals.totalMinor).toBe(8900 + 995);
      expect(res.body.totals.availableShipping.map((q: { methodId: string }) => q.methodId)).toEqual([
        'house-standard',
        'house-express',
      ]);
      // Address alone: quotes offered, none chosen.
      const noMethod = await c.call('PUT', '/store/cart/shipping', {
        address: { ...address, country: 'DE' },
      });
      expect(noMethod.body).toMatchObject({
        shippingMethodId: null,
        totals: { shippingMinor: 0, taxCountry: 'DE' },
      });
    });

    it('refuses a method not quoted for the destination and weight with SHIPPING_METHOD_UNAVAILABLE', async () => {
      const c = await guestCart(t);
      const before = await tableCounts(t.store);
      const empty = await c.call('PUT', '/store/cart/shipping', { address, methodId: 'house-standard' });
      expect(empty.status).toBe(422);
      expect(empty.body.code).toBe('SHIPPING_METHOD_UNAVAILABLE');
      // 10 boots: 15 kg + packaging is over express's 10 kg limit.
      await c.call('POST', '/store/cart/lines', { variantId: boot.variant('BLACK', 39).id, quantity: 10 });
      const heavy = await c.call('PUT', '/store/cart/shipping', { address, methodId: 'house-express' });
      expect(heavy.status).toBe(422);
      expect(heavy.body).toMatchObject({
        code: 'SHIPPING_METHOD_UNAVAILABLE',
        details: { methodId: 'house-express', available: ['house-standard'] },
      });
      const pigeon = await c.call('PUT', '/store/cart/shipping', { address, methodId: 'pigeon' });
      expect(pigeon.body.code).toBe('SHIPPING_METHOD_UNAVAILABLE');
      const cart = (await c.call('GET', '/store/cart')).body;
      expect(cart).toMatchObject({ shippingAddress: null, shippingMethodId: null, version: 2 });
      expect((await tableCounts(t.store)).carts).toBe(before.carts);
      const ok = await c.call('PUT', '/store/cart/shipping', { address, methodId: 'house-standard' });
      expect(ok.status).toBe(200);
    });

    it('shows a chosen method that later becomes unusable as a shipping issue', async () => {
      const c = await guestCart(t);
      await c.call('POST', '/store/cart/lines', { variantId: boot.variant('BLACK', 39).id, quantity: 1 });
      await c.call('PUT', '/store/cart/shipping', { address, methodId: 'house-express' });
      const res = await c.call('PATCH', `/store/cart/lines/${boot.variant('BLACK', 39).id}`, {
        quantity: 10,
      });
      expect(res.body.totals).toMatchObject({ shipping: null, shippingIssue: 'SHIPPING_METHOD_UNAVAILABLE' });
    });

    it('sets the contact email, lower-cased', async () => {
      const c = await guestCart(t);
      const res = await c.call('PUT', '/store/cart/contact', { email: 'Aoife@Example.COM' });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ email: 'aoife@example.com', version: 2 });
    });
  });

  describe('customer carts', () => {
    it('gives a signed-in customer one open cart and the same token on every call', async () => {
      const token = await registerCustomer(t, 'mine@example.com');
      const first = await t.call('GET', '/store/cart/mine', { token });
      expect(first.status, first.text).toBe(200);
      expect(first.body.token).toMatch(/^ct_[A-Za-z0-9_-]{32}$/);
      expect(first.body.cart).toMatchObject({ status: 'open', email: 'mine@example.com', lines: [] });
      const again = await t.call('GET', '/store/cart/mine', { token });
      expect(again.body.token).toBe(first.body.token);
      expect(again.body.cart.id).toBe(first.body.cart.id);
      const viaToken = await t.call('GET', '/store/cart', { headers: { 'x-cart-token': first.body.token } });
      expect(viaToken.body.id).toBe(first.body.cart.id);
      expect((await t.call('GET', '/store/cart/mine')).status).toBe(401);
    });

    it('makes one cart when the first requests of a customer arrive together from several devices', async () => {
      const token = await registerCustomer(t, 'devices@example.com');
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => t.call('GET', '/store/cart/mine', { token })),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(new Set(answers.map((a) => a.body.cart.id)).size).toBe(1);
      const [row] = await t.store.rows<{ n: number | string }>(
        sql`select count(*) as n from carts where customer_id = ${answers[0]!.body.cart.customerId}`,
      );
      expect(Number(row?.n)).toBe(1);
    });

    it('merges a guest cart at sign-in: sums quantities, caps them, and retires the guest token', async () => {
      const token = await registerCustomer(t, 'merge@example.com');
      const mine = (await t.call('GET', '/store/cart/mine', { token })).body;
      const own = { 'x-cart-token': mine.token };
      const m37 = mila.variant('NUDE', 37).id; // 4 in stock
      const m38 = mila.variant('NUDE', 38).id; // 10 in stock
      const m39 = mila.variant('NUDE', 39).id;
      await t.call('POST', '/store/cart/lines', { headers: own, body: { variantId: m37, quantity: 3 } });
      await t.call('POST', '/store/cart/lines', { headers: own, body: { variantId: m38, quantity: 6 } });

      const guest = await guestCart(t);
      await guest.call('POST', '/store/cart/lines', { variantId: m37, quantity: 3 });
      await guest.call('POST', '/store/cart/lines', { variantId: m38, quantity: 7 });
      await guest.call('POST', '/store/cart/lines', { variantId: m39, quantity: 2 });
      await guest.call('PUT', '/store/cart/shipping', { address, methodId: 'house-standard' });

      const merged = await t.call('POST', '/store/cart/merge', {
        token,
        headers: { 'x-cart-token': guest.token },
      });
      expect(merged.status, merged.text).toBe(200);
      expect(merged.body.token).toBe(mine.token);
      expect(merged.body.cart.id).toBe(mine.cart.id);
      expect(
        merged.body.cart.lines.map((l: { variantId: string; quantity: number }) => [l.variantId, l.quantity]),
      ).toEqual([
        [m37, 4], // 3 + 3 capped by stock (4)
        [m38, 10], // 6 + 7 capped by the line limit (10)
        [m39, 2],
      ]);
      expect(merged.body.cart.shippingAddress).toMatchObject({ country: 'IE' });
      expect(merged.body.cart.shippingMethodId).toBe('house-standard');

      const gone = await guest.call('GET', '/store/cart');
      expect(gone.status).toBe(404);
      expect(gone.body.code).toBe('CART_NOT_FOUND');
      const again = await t.call('POST', '/store/cart/merge', {
        token,
        headers: { 'x-cart-token': guest.token },
      });
      expect(again.status).toBe(404);
    });

    it('merging the customer cart into itself changes nothing; another customer cart is not found', async () => {
      const a = await registerCustomer(t, 'self@example.com');
      const b = await registerCustomer(t, 'other@example.com');
      const mineA = (await t.call('GET', '/store/cart/mine', { token: a })).body;
      const mineB = (await t.call('GET', '/store/cart/mine', { token: b })).body;
      const self = await t.call('POST', '/store/cart/merge', {
        token: a,
        headers: { 'x-cart-token': mineA.token },
      });
      expect(self.status).toBe(200);
      expect(self.body.cart.version).toBe(mineA.cart.version);
      const before = await tableCounts(t.store);
      const other = await t.call('POST', '/store/cart/merge', {
        token: a,
        headers: { 'x-cart-token': mineB.token },
      });
      expect(other.status).toBe(404);
      const noHeader = await t.call('POST', '/store/cart/merge', { token: a });
      expect(noHeader.status).toBe(400);
      expect(noHeader.body.code).toBe('CART_TOKEN_REQUIRED');
      const guest = await guestCart(t);
      const anonymous = await t.call('POST', '/store/cart/merge', {
        headers: { 'x-cart-token': guest.token },
      });
      expect(anonymous.status).toBe(401);
      expect((await tableCounts(t.store)).carts).toBe((before.carts ?? 0) + 1);
    });
  });
});
