import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allJobs } from '../jobs/index.ts';
import { expireReservationsJob, expireReservationsJobId } from '../jobs/reservations.job.ts';
import { createProductFixture, type ProductFixture } from '../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, tableCounts } from '../test-support/harness.ts';
import {
  eventsOf,
  flowsOf,
  orderByNumber,
  receive,
  shopper,
  sumLevels,
} from '../test-support/checkout-fixtures.ts';
import { expireReservations } from './expire-reservations.flow.ts';
import { placeOrderStep1 } from './place-order.flow.ts';

const problemJson = (res: { headers: Headers }) =>
  expect(res.headers.get('content-type')).toMatch(/problem\+json/);

describe('checkout with demo payments', () => {
  let t: TestApp;
  let product: ProductFixture;
  let flows: ReturnType<typeof flowsOf>;
  const v = (size: number) => product.variant('BLACK', size).id;

  beforeAll(async () => {
    t = await startTestApp();
    flows = flowsOf(t);
    product = await createProductFixture(t, { colours: ['BLACK'], sizes: [37, 38, 39, 40, 41, 42, 43] });
    for (const size of [37, 38, 39, 40, 41, 42]) await receive(t, v(size), 10);
  });
  afterAll(async () => {
    await flows?.close();
    await t?.close();
  });

  it('places an order: reserves stock, freezes lines, records events and converts the cart', async () => {
    const s = await shopper(t, [
      { variantId: v(38), quantity: 2 },
      { variantId: v(39), quantity: 1 },
    ]);
    const before = await sumLevels(t, [v(38), v(39)]);
    const res = await s.checkout();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      orderNumber: expect.stringMatching(/^SB-[0-9A-HJKMNP-TV-Z]{8}$/),
      status: 'pending_payment',
      currency: 'EUR',
      payment: {
        provider: 'demo',
        intentId: expect.stringMatching(/^demo_pi_/),
        clientSecret: expect.any(String),
      },
    });
    expect(Date.parse(res.body.reservationExpiresAt) - Date.now()).toBeGreaterThan(
      t.config.reservationTtlMs - 60_000,
    );
    const after = await sumLevels(t, [v(38), v(39)]);
    expect(after).toEqual({ onHand: before.onHand, reserved: before.reserved + 3, negative: 0 });

    const order = await orderByNumber(t, res.body.orderNumber);
    expect(order).toMatchObject({
      status: 'pending_payment',
      stockState: 'reserved',
      paymentProvider: 'demo',
      paymentIntentId: res.body.payment.intentId,
      email: 'aoife@example.ie',
      totalMinor: res.body.totalMinor,
    });
    expect(order.totalMinor).toBe(order.subtotalMinor - order.discountMinor + order.shippingMinor);
    const lines = await t.store.rows<{ sku: string; quantity: number }>(
      sql`select sku, quantity from order_lines where order_id = ${order.id} order by sku`,
    );
    expect(lines.map((l) => [l.sku, Number(l.quantity)])).toEqual([
      [product.variant('BLACK', 38).sku, 2],
      [product.variant('BLACK', 39).sku, 1],
    ]);
    expect(await eventsOf(t, order.id)).toEqual(['order.placed']);
    const domain = await t.store.rows<{ type: string }>(
      sql`select type from domain_events where aggregate_id = ${order.id}`,
    );
    expect(domain.map((d) => d.type)).toEqual(['order.placed']);
    const cart = await s.call('GET', '/store/cart');
    expect(cart.status === 200 ? (cart.body.status ?? 'converted') : 'gone').not.toBe('open');
  });

  it('refuses carts that are not ready with 422 and writes nothing', async () => {
    const empty = await shopper(t, [], { shipping: false });
    const noEmail = await shopper(t, [{ variantId: v(37), quantity: 1 }], { email: null });
    const noShipping = await shopper(t, [{ variantId: v(37), quantity: 1 }], { shipping: false });
    const cases = [
      [empty, 'CART_EMPTY'],
      [noEmail, 'EMAIL_REQUIRED'],
      [noShipping, 'SHIPPING_REQUIRED'],
    ] as const;
    for (const [s, code] of cases) {
      const before = await tableCounts(t.store);
      const res = await s.checkout();
      expect(res.status, code).toBe(422);
      problemJson(res);
      expect(res.body.code).toBe(code);
      expect(await tableCounts(t.store)).toEqual(before);
    }
  });

  it('refuses a line that became unsellable and one with too little stock, writing nothing', async () => {
    const other = await createProductFixture(t, { colours: ['BLACK'], sizes: [38] });
    const variantId = other.variant('BLACK', 38).id;
    await receive(t, variantId, 5);
    const s = await shopper(t, [{ variantId, quantity: 1 }]);
    const archived = await t.call('PATCH', `/admin/products/${other.id}`, {
      token: t.tokens.owner,
      body: { status: 'archived' },
    });
    expect(archived.status).toBe(200);
    let before = await tableCounts(t.store);
    const res = await s.checkout();
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VARIANT_NOT_SELLABLE');
    expect(await tableCounts(t.store)).toEqual(before);

    // Size 40 has 10 units: a cart of 10 plus one of 1 more leaves the second short.
    const big = await shopper(t, [{ variantId: v(40), quantity: 10 }]);
    const late = await shopper(t, [{ variantId: v(40), quantity: 1 }]);
    expect((await big.checkout()).status).toBe(201);
    before = await tableCounts(t.store);
    const short = await late.checkout();
    expect(short.status).toBe(422);
    problemJson(short);
    expect(short.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { available: 0 } });
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('answers 400/404 problem+json for a missing or unknown cart token and a body it does not take', async () => {
    const before = await tableCounts(t.store);
    const none = await t.call('POST', '/store/checkout');
    expect(none.status).toBe(400);
    problemJson(none);
    expect(none.body.code).toBe('CART_TOKEN_REQUIRED');
    const unknown = await t.call('POST', '/store/checkout', { headers: { 'x-cart-token': 'not-a-cart' } });
    expect(unknown.status).toBe(404);
    problemJson(unknown);
    const withBody = await t.call('POST', '/store/checkout', {
      headers: { 'x-cart-token': 'x' },
      body: { cart: 'x' },
    });
    expect(withBody.status).toBe(400);
    expect(withBody.body.code).toBe('UNEXPECTED_BODY');
    for (const body of [
      {},
      { orderNumber: 'SB-1', email: 'a@b.ie', cardNumber: '4242424242424242' },
      { orderNumber: 'SB-ABCDEFGH', email: 'x', cardNumber: '1' },
      { orderNumber: 'SB-ABCDEFGH', email: 'a@b.ie', cardNumber: '4242424242424242', cvc: '123' },
    ]) {
      const res = await t.call('POST', '/store/checkout/demo-pay', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      problemJson(res);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('makes one order from five concurrent submits of the same cart, answering 201 once and 200 with it otherwise', async () => {
    const s = await shopper(t, [{ variantId: v(37), quantity: 1 }]);
    const before = await sumLevels(t, [v(37)]);
    const results = await Promise.all(Array.from({ length: 5 }, () => s.checkout()));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const ids = new Set(results.map((r) => r.body.orderId));
    expect(ids.size).toBe(1);
    expect(new Set(results.map((r) => r.body.payment.intentId)).size).toBe(1);
    const orders = await t.store.rows<{ n: number }>(
      sql`select count(*) as n from orders where cart_id = (select cart_id from orders where id = ${[...ids][0]!})`,
    );
    expect(Number(orders[0]!.n)).toBe(1);
    const again = await s.checkout();
    expect(again.status).toBe(200);
    expect(again.body.orderId).toBe(results[0]!.body.orderId);
    expect((await sumLevels(t, [v(37)])).reserved).toBe(before.reserved + 1);
  });

  it('pays with a test card through the same confirmation path, then refuses to pay twice', async () => {
    const s = await shopper(t, [{ variantId: v(39), quantity: 1 }], { email: 'Pay.Me@Example.ie' });
    const placed = await s.checkout();
    const before = await sumLevels(t, [v(39)]);
    const pay = (body: Record<string, string>) => t.call('POST', '/store/checkout/demo-pay', { body });

    const wrong = await pay({
      orderNumber: placed.body.orderNumber,
      email: 'else@example.ie',
      cardNumber: '4242424242424242',
    });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('ORDER_NOT_FOUND');

    const counts = await tableCounts(t.store);
    const invalid = await pay({
      orderNumber: placed.body.orderNumber,
      email: 'pay.me@example.ie',
      cardNumber: '4242424242424241',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('CARD_NUMBER_INVALID');
    expect(invalid.text).not.toContain('4242424242424241');
    expect(await tableCounts(t.store)).toEqual(counts);

    const declined = await pay({
      orderNumber: placed.body.orderNumber,
      email: 'pay.me@example.ie',
      cardNumber: '4000 0000 0000 0002',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'pending_payment',
      outcome: 'payment.failed',
      failureCode: 'card_declined',
    });
    const order = await orderByNumber(t, placed.body.orderNumber);
    expect(await eventsOf(t, order.id)).toEqual(['order.placed', 'payment.failed']);
    const mails = await t.store.rows<{ topic: string; payload: unknown }>(
      sql`select topic, payload from outbox where payload like ${`%${order.number}%`}`,
    );
    expect(mails.map((m) => m.topic)).toEqual(['mail.payment_failed']);
    const payload = typeof mails[0]!.payload === 'string' ? JSON.parse(mails[0]!.payload) : mails[0]!.payload;
    expect(payload.heldUntil).toBe(placed.body.reservationExpiresAt);

    const paid = await pay({
      orderNumber: placed.body.orderNumber.toLowerCase(),
      email: 'PAY.ME@example.ie',
      cardNumber: '4242 4242 4242 4242',
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', outcome: 'payment.succeeded' });
    expect(await sumLevels(t, [v(39)])).toEqual({
      onHand: before.onHand - 1,
      reserved: before.reserved - 1,
      negative: 0,
    });
    const after = await orderByNumber(t, placed.body.orderNumber);
    expect(after).toMatchObject({ status: 'paid', stockState: 'sold', reservationExpiresAt: null });
    expect(after.paidAt).toEqual(expect.any(Number));
    const topics = await t.store.rows<{ topic: string }>(
      sql`select topic from outbox where payload like ${`%${order.number}%`} order by created_at, topic`,
    );
    expect(topics.map((m) => m.topic).sort()).toEqual(['mail.order_confirmation', 'mail.payment_failed']);
    const domain = await t.store.rows<{ type: string }>(
      sql`select type from domain_events where aggregate_id = ${order.id} order by type`,
    );
    expect(domain.map((d) => d.type)).toEqual(['order.placed', 'payment.completed', 'payment.failed']);

    const twice = await pay({
      orderNumber: placed.body.orderNumber,
      email: 'pay.me@example.ie',
      cardNumber: '4242424242424242',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ORDER_NOT_PAYABLE');
  });

  it('survives a crash between reservation and payment: the expiry job returns the stock later', async () => {
    const s = await shopper(t, [{ variantId: v(41), quantity: 3 }]);
    const before = await sumLevels(t, [v(41)]);
    const now = Date.now();
    // Step 1 only, as if the process died before the payment intent was created.
    const { order } = await placeOrderStep1(
      flows.deps,
      { requestId: 'crash', log: flows.deps.log!, actor: { type: 'anonymous' }, now },
      s.token,
    );
    expect(order).toMatchObject({ status: 'pending_payment', stockState: 'reserved', paymentIntentId: null });
    expect((await sumLevels(t, [v(41)])).reserved).toBe(before.reserved + 3);

    const scheduler = flows.scheduler(allJobs(flows.services));
    // Not yet due: nothing happens.
    expect(await scheduler.runOnce(expireReservationsJobId, { now: now + 60_000 })).toMatchObject({
      status: 'ran',
    });
    expect((await orderByNumber(t, order.number)).status).toBe('pending_payment');

    const due = now + t.config.reservationTtlMs + 1_000;
    expect(await scheduler.runOnce(expireReservationsJobId, { now: due })).toMatchObject({ status: 'ran' });
    expect(await sumLevels(t, [v(41)])).toEqual(before);
    const after = await orderByNumber(t, order.number);
    expect(after).toMatchObject({ status: 'cancelled', stockState: 'released', reservationExpiresAt: null });
    expect(await eventsOf(t, order.id)).toEqual(['order.placed', 'reservation.expired']);
    const releases = await t.store.rows<{ n: number }>(
      sql`select count(*) as n from stock_movements where reference = ${order.id} and kind = 'release'`,
    );
    expect(Number(releases[0]!.n)).toBe(1);
  });

  it('releases an expired reservation once even when two instances run the expiry at the same time', async () => {
    const s = await shopper(t, [{ variantId: v(42), quantity: 2 }]);
    const placed = await s.checkout();
    expect(placed.status).toBe(201);
    const before = await sumLevels(t, [v(42)]);
    const later = Date.now() + t.config.reservationTtlMs + 5_000;
    const other = flowsOf(t);
    try {
      const reports = await Promise.all([
        expireReservations(flows.deps, later),
        expireReservations(other.deps, later),
      ]);
      expect(reports.reduce((n, r) => n + r.released, 0)).toBeGreaterThanOrEqual(1);
      const order = await orderByNumber(t, placed.body.orderNumber);
      const releases = await t.store.rows<{ n: number }>(
        sql`select count(*) as n from stock_movements where reference = ${order.id} and kind = 'release'`,
      );
      expect(Number(releases[0]!.n)).toBe(1);
      expect((await sumLevels(t, [v(42)])).reserved).toBe(before.reserved - 2);
      expect(expireReservationsJob(flows.deps).schedule).toBe('0 * * * * *');
    } finally {
      await other.close();
    }
  });
  it('redeems a coupon once per use within its limit, refuses the next checkout and gives the use back at expiry', async () => {
    const coupon = await t.call('POST', '/admin/coupons', {
      token: t.tokens.owner,
      body: { code: 'ONCE10', kind: 'percentage', percentBasisPoints: 1000, usageLimitTotal: 1 },
    });
    expect(coupon.status, coupon.text).toBe(201);
    const a = await shopper(t, [{ variantId: v(42), quantity: 1 }], { couponCode: 'ONCE10' });
    const b = await shopper(t, [{ variantId: v(42), quantity: 1 }], { couponCode: 'ONCE10' });
    const placed = await a.checkout();
    expect(placed.status).toBe(201);
    const order = await orderByNumber(t, placed.body.orderNumber);
    expect(order.couponCode).toBe('ONCE10');
    expect(order.discountMinor).toBeGreaterThan(0);
    const used = async () =>
      Number(
        (
          await t.store.rows<{ n: number }>(sql`select times_used as n from coupons where code = 'ONCE10'`)
        )[0]!.n,
      );
    expect(await used()).toBe(1);

    const before = await tableCounts(t.store);
    const refused = await b.checkout();
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('COUPON_USAGE_LIMIT_REACHED');
    expect(await tableCounts(t.store)).toEqual(before);

    await expireReservations(flows.deps, Date.now() + t.config.reservationTtlMs + 1_000);
    expect(await used()).toBe(0);
    const redemption = await t.store.rows<{ released_at: number | null }>(
      sql`select released_at from coupon_redemptions where order_id = ${order.id}`,
    );
    expect(redemption[0]!.released_at).not.toBeNull();
    const retry = await b.checkout();
    expect(retry.status, retry.text).toBe(201);
    expect(await used()).toBe(1);
  });
});
