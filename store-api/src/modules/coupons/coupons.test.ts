import { newId } from '@shoebox/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductFixture, type ProductFixture } from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { guestCart, receiveStock, registerCustomer } from '../../test-support/cart-fixtures.ts';

const HOUR = 3_600_000;

describe(`coupons: admin definitions and carts (${testDialect})`, () => {
  let t: TestApp;
  let mila: ProductFixture;

  const createCoupon = (body: Record<string, unknown>, token = t.tokens.manager) =>
    t.call('POST', '/admin/coupons', { token, body });

  beforeAll(async () => {
    t = await startTestApp();
    mila = await createProductFixture(t, { styleCode: 'MILA', colours: ['NUDE'], sizes: [38, 39] });
    await receiveStock(t, mila.variant('NUDE', 38).id, 10);
  });
  afterAll(() => t.close());

  describe('admin CRUD', () => {
    it('creates a coupon with its code upper-cased and audits it', async () => {
      const res = await createCoupon({ code: ' spring-10 ', kind: 'percentage', percentBasisPoints: 1000 });
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({
        code: 'SPRING-10',
        kind: 'percentage',
        percentBasisPoints: 1000,
        amountMinor: null,
        freeShipping: false,
        active: true,
        timesUsed: 0,
      });
      const audit = await t.store.db
        .select()
        .from(t.store.t.auditLog)
        .where(eq(t.store.t.auditLog.entityId, res.body.id));
      expect(audit.map((a) => a.action)).toEqual(['coupon.create']);
    });

    it('refuses a code already taken, whatever its case, with 409 COUPON_CODE_TAKEN', async () => {
      await createCoupon({ code: 'TAKEN1', kind: 'fixed', amountMinor: 500, currency: 'EUR' });
      const before = await tableCounts(t.store);
      const res = await createCoupon({ code: 'taken1', kind: 'percentage', percentBasisPoints: 500 });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('COUPON_CODE_TAKEN');
      expect(await tableCounts(t.store)).toEqual(before);
    });

    it('validates with the shared coupon schema and its field codes', async () => {
      const before = await tableCounts(t.store);
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ code: 'NOVALUE', kind: 'percentage' }, 'percentBasisPoints', 'COUPON_VALUE_REQUIRED'],
        [
          { code: 'BOTH1', kind: 'fixed', amountMinor: 1, percentBasisPoints: 5, currency: 'EUR' },
          'percentBasisPoints',
          'COUPON_VALUE_NOT_ALLOWED',
        ],
        [{ code: 'NOCUR', kind: 'fixed', amountMinor: 100 }, 'currency', 'COUPON_CURRENCY_REQUIRED'],
        [
          { code: 'BACKW', kind: 'percentage', percentBasisPoints: 5, startsAt: 10, endsAt: 5 },
          'endsAt',
          'COUPON_WINDOW_INVERTED',
        ],
        [{ code: 'a b', kind: 'percentage', percentBasisPoints: 5 }, 'code', 'INVALID_FORMAT'],
        [{ code: 'OVER', kind: 'percentage', percentBasisPoints: 10_001 }, 'percentBasisPoints', 'TOO_BIG'],
        [{ code: 'EXTRA', kind: 'percentage', percentBasisPoints: 5, bogus: 1 }, 'bogus', 'UNKNOWN_FIELD'],
      ];
      for (const [body, path, code] of cases) {
        const res = await createCoupon(body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ path, code }));
      }
      expect(await tableCounts(t.store)).toEqual(before);
    });

    it('patches a coupon, validating the result as a whole', async () => {
      const created = (await createCoupon({ code: 'PATCHME', kind: 'percentage', percentBasisPoints: 1500 }))
        .body;
      const bad = await t.call('PATCH', `/admin/coupons/${created.id}`, {
        token: t.tokens.manager,
        body: { kind: 'fixed' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toContainEqual(
        expect.objectContaining({ path: 'amountMinor', code: 'COUPON_VALUE_REQUIRED' }),
      );
      const ok = await t.call('PATCH', `/admin/coupons/${created.id}`, {
        token: t.tokens.manager,
        body: { kind: 'fixed', percentBasisPoints: null, amountMinor: 700, currency: 'EUR', active: false },
      });
      expect(ok.status, ok.text).toBe(200);
      expect(ok.body).toMatchObject({
        kind: 'fixed',
        amountMinor: 700,
        percentBasisPoints: null,
        active: false,
      });
      const taken = await t.call('PATCH', `/admin/coupons/${created.id}`, {
        token: t.tokens.manager,
        body: { code: 'spring-10' },
      });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('COUPON_CODE_TAKEN');
      const missing = await t.call('PATCH', `/admin/coupons/${newId()}`, {
        token: t.tokens.manager,
        body: { active: true },
      });
      expect(missing.body.code).toBe('COUPON_NOT_FOUND');
      const got = await t.call('GET', `/admin/coupons/${created.id}`, { token: t.tokens.warehouse });
      expect(got.body.amountMinor).toBe(700);
    });

    it('lists coupons by code with filters; warehouse may read but not write', async () => {
      const list = await t.call('GET', '/admin/coupons?q=spring&pageSize=5', { token: t.tokens.warehouse });
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: { code: string }) => c.code)).toEqual(['SPRING-10']);
      const inactive = await t.call('GET', '/admin/coupons?active=false', { token: t.tokens.owner });
      expect(inactive.body.items.map((c: { code: string }) => c.code)).toEqual(['PATCHME']);
      const refused = await createCoupon(
        { code: 'WH1', kind: 'percentage', percentBasisPoints: 5 },
        t.tokens.warehouse,
      );
      expect(refused.status).toBe(403);
    });
  });

  describe('on a cart', () => {
    const now = Date.now();
    let m38: string;
    beforeAll(async () => {
      m38 = mila.variant('NUDE', 38).id; // 89.00 each
      const defs: Record<string, unknown>[] = [
        { code: 'TENOFF', kind: 'percentage', percentBasisPoints: 1000 },
        { code: 'SOON', kind: 'percentage', percentBasisPoints: 1000, startsAt: now + 24 * HOUR },
        {
          code: 'GONE',
          kind: 'percentage',
          percentBasisPoints: 1000,
          startsAt: now - 48 * HOUR,
          endsAt: now - 24 * HOUR,
        },
        { code: 'POUNDS', kind: 'fixed', amountMinor: 500, currency: 'GBP' },
        { code: 'LIMITED', kind: 'percentage', percentBasisPoints: 1000, usageLimitTotal: 1 },
        { code: 'ONCEEACH', kind: 'percentage', percentBasisPoints: 1000, usageLimitPerCustomer: 1 },
        { code: 'BIGSPEND', kind: 'fixed', amountMinor: 2000, currency: 'EUR', minimumSpendMinor: 20_000 },
        { code: 'OFFNOW', kind: 'percentage', percentBasisPoints: 1000, active: false },
      ];
      for (const d of defs) expect((await createCoupon(d)).status).toBe(201);
      // LIMITED has been redeemed once already (as a checkout would record it).
      await t.store.tx((tx) =>
        tx.update(t.store.t.coupons).set({ timesUsed: 1 }).where(eq(t.store.t.coupons.code, 'LIMITED')),
      );
    });

    it('applies a valid coupon and discounts the totals', async () => {
      const c = await guestCart(t);
      await c.call('POST', '/store/cart/lines', { variantId: m38, quantity: 2 });
      const res = await c.call('PUT', '/store/cart/coupon', { code: ' tenoff ' });
      expect(res.status, res.text).toBe(200);
      expect(res.body.couponCode).toBe('TENOFF');
      expect(res.body.version).toBe(3);
      expect(res.body.totals).toMatchObject({
        subtotalMinor: 17_800,
        discountMinor: 1780,
        totalMinor: 16_020,
        coupon: { code: 'TENOFF', applied: true, freeShipping: false },
      });
      expect(res.body.lines[0].lineTotalMinor).toBe(16_020);
      const removed = await c.call('DELETE', '/store/cart/coupon');
      expect(removed.body).toMatchObject({ couponCode: null, version: 4 });
      expect(removed.body.totals).toMatchObject({ discountMinor: 0, coupon: null });
    });

    it.each([
      ['SOON', 'COUPON_NOT_STARTED'],
      ['GONE', 'COUPON_EXPIRED'],
      ['POUNDS', 'COUPON_CURRENCY_MISMATCH'],
      ['LIMITED', 'COUPON_USAGE_LIMIT_REACHED'],
      ['ONCEEACH', 'COUPON_REQUIRES_ACCOUNT'],
    ])('keeps %s on the cart unapplied with reason %s', async (code, reason) => {
      const c = await guestCart(t);
      await c.call('POST', '/store/cart/lines', { variantId: m38, quantity: 1 });
      const res = await c.call('PUT', '/store/cart/coupon', { code });
      expect(res.status, res.text).toBe(200);
      expect(res.body.couponCode).toBe(code);
      expect(res.body.totals.coupon).toEqual({ code, applied: false, reason, freeShipping: false });
      expect(res.body.totals.discountMinor).toBe(0);
    });

    it('says how much more to spend for a minimum-spend coupon, and applies it once reached', async () => {
      const c = await guestCart(t);
      await c.call('POST', '/store/cart/lines', { variantId: m38, quantity: 2 });
      const res = await c.call('PUT', '/store/cart/coupon', { code: 'bigspend' });
      expect(res.body.totals.coupon).toEqual({
        code: 'BIGSPEND',
        applied: false,
        reason: 'COUPON_MINIMUM_SPEND_NOT_MET',
        shortByMinor: 20_000 - 17_800,
        freeShipping: false,
      });
      const more = await c.call('POST', '/store/cart/lines', { variantId: m38, quantity: 1 });
      expect(more.body.totals).toMatchObject({ discountMinor: 2000, coupon: { applied: true } });
    });

    it('counts per-customer redemptions that were not released', async () => {
      const token = await registerCustomer(t, 'coupon-shopper@example.com');
      const mine = await t.call('GET', '/store/cart/mine', { token });
      const headers = { 'x-cart-token': mine.body.token };
      await t.call('POST', '/store/cart/lines', { headers, body: { variantId: m38, quantity: 1 } });
      const first = await t.call('PUT', '/store/cart/coupon', { headers, body: { code: 'ONCEEACH' } });
      expect(first.body.totals.coupon).toMatchObject({ applied: true });
      const [coupon] = await t.store.db
        .select()
        .from(t.store.t.coupons)
        .where(eq(t.store.t.coupons.code, 'ONCEEACH'));
      const redemption = {
        id: newId(),
        couponId: coupon!.id,
        orderId: newId(),
        customerId: mine.body.cart.customerId,
        email: 'coupon-shopper@example.com',
        releasedAt: Date.now(),
        createdAt: Date.now(),
      };
      await t.store.tx((tx) => tx.insert(t.store.t.couponRedemptions).values(redemption));
      expect((await t.call('GET', '/store/cart', { headers })).body.totals.coupon).toMatchObject({
        applied: true,
      });
      await t.store.tx((tx) =>
        tx
          .insert(t.store.t.couponRedemptions)
          .values({ ...redemption, id: newId(), orderId: newId(), releasedAt: null }),
      );
      expect((await t.call('GET', '/store/cart', { headers })).body.totals.coupon).toEqual({
        code: 'ONCEEACH',
        applied: false,
        reason: 'COUPON_CUSTOMER_LIMIT_REACHED',
        freeShipping: false,
      });
    });

    it('refuses unknown and inactive codes with 422 COUPON_NOT_FOUND and changes nothing', async () => {
      const c = await guestCart(t);
      await c.call('POST', '/store/cart/lines', { variantId: m38, quantity: 1 });
      const before = await tableCounts(t.store);
      for (const code of ['NOSUCH', 'offnow']) {
        const res = await c.call('PUT', '/store/cart/coupon', { code });
        expect(res.status).toBe(422);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body.code).toBe('COUPON_NOT_FOUND');
      }
      expect(await tableCounts(t.store)).toEqual(before);
      expect((await c.call('GET', '/store/cart')).body).toMatchObject({ couponCode: null, version: 2 });
    });

    it('drops a coupon deactivated after it was put on the cart from the totals', async () => {
      const c = await guestCart(t);
      await c.call('POST', '/store/cart/lines', { variantId: m38, quantity: 1 });
      const created = (
        await createCoupon({ code: 'SHORTLIVED', kind: 'percentage', percentBasisPoints: 500 })
      ).body;
      expect(
        (await c.call('PUT', '/store/cart/coupon', { code: 'SHORTLIVED' })).body.totals.coupon.applied,
      ).toBe(true);
      await t.call('PATCH', `/admin/coupons/${created.id}`, {
        token: t.tokens.manager,
        body: { active: false },
      });
      const res = await c.call('GET', '/store/cart');
      expect(res.body.couponCode).toBe('SHORTLIVED');
      expect(res.body.totals).toMatchObject({ coupon: null, discountMinor: 0 });
    });
  });
});
