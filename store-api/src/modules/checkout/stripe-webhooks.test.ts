import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  flowsOf,
  orderByNumber,
  receive,
  shopper,
  sumLevels,
  eventsOf,
} from '../../test-support/checkout-fixtures.ts';
import { expireReservations } from '../../flows/expire-reservations.flow.ts';
import { createProductFixture, type ProductFixture } from '../../test-support/catalog-fixtures.ts';
import { type FakeStripe, startFakeStripe } from '../../test-support/fake-stripe.ts';
import { startTestApp, type TestApp, tableCounts } from '../../test-support/harness.ts';

/** Stripe mode end to end: the real SDK against the local fake, webhooks signed as Stripe signs them. */
describe('checkout with Stripe: intents, webhooks, late and out-of-order events', () => {
  let fake: FakeStripe;
  let t: TestApp;
  let flows: ReturnType<typeof flowsOf>;
  let product: ProductFixture;
  const v = (size: number) => product.variant('RED', size).id;

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: 'whsec_test_checkout' });
    t = await startTestApp({
      STRIPE_SECRET_KEY: 'sk_test_checkout',
      STRIPE_WEBHOOK_SECRET: 'whsec_test_checkout',
      STRIPE_API_BASE: fake.baseUrl,
    });
    fake.webhookUrl = `${t.baseUrl}/webhooks/stripe`;
    fake.webhookFetch = t.fetch;
    flows = flowsOf(t);
    product = await createProductFixture(t, { colours: ['RED'], sizes: [36, 37, 38, 39, 40, 41] });
    for (const size of [36, 37, 38, 39, 40, 41]) await receive(t, v(size), 5);
  });
  afterAll(async () => {
    await flows?.close();
    await t?.close();
    await fake?.close();
  });

  const place = async (size: number, quantity = 1) => {
    const s = await shopper(t, [{ variantId: v(size), quantity }]);
    const res = await s.checkout();
    expect(res.status, res.text).toBe(201);
    return { ...res.body, shopper: s } as {
      orderId: string;
      orderNumber: string;
      totalMinor: number;
      payment: { provider: string; intentId: string; clientSecret: string };
      shopper: typeof s;
    };
  };
  const paymentEvents = (orderId: string) =>
    t.store.rows<{ outcome: string }>(sql`select outcome from payment_events where order_id = ${orderId}`);

  it('creates the PaymentIntent through the SDK with the order id as idempotency key', async () => {
    const placed = await place(36);
    expect(placed.payment).toMatchObject({ provider: 'stripe', intentId: expect.stringMatching(/^pi_/) });
    const intent = fake.intents.get(placed.payment.intentId)!;
    expect(intent).toMatchObject({
      amount: placed.totalMinor,
      currency: 'eur',
      metadata: { orderId: placed.orderId, orderNumber: placed.orderNumber },
    });
    const create = fake.requests.find(
      (r) =>
        r.path === '/v1/payment_intents' &&
        r.method === 'POST' &&
        r.idempotencyKey === `order:${placed.orderId}:intent`,
    );
    expect(create).toBeDefined();
    // A double submit gets the same intent back (the provider replays the key).
    const again = await placed.shopper.checkout();
    expect(again.status).toBe(200);
    expect(again.body.payment.intentId).toBe(placed.payment.intentId);
  });

  it('processes a success delivered three times exactly once', async () => {
    const placed = await place(37, 2);
    const before = await sumLevels(t, [v(37)]);
    const delivery = await fake.deliver('payment_intent.succeeded', placed.payment.intentId, { times: 3 });
    expect(delivery.statuses).toEqual([200, 200, 200]);
    expect(JSON.parse(delivery.responseBody)).toEqual({ received: true });
    expect(await sumLevels(t, [v(37)])).toEqual({
      onHand: before.onHand - 2,
      reserved: before.reserved - 2,
      negative: 0,
    });
    const order = await orderByNumber(t, placed.orderNumber);
    expect(order).toMatchObject({ status: 'paid', stockState: 'sold' });
    expect((await paymentEvents(order.id)).map((e) => e.outcome)).toEqual(['paid']);
    expect(await eventsOf(t, order.id)).toEqual(['order.placed', 'payment.succeeded']);
    const sells = await t.store.rows<{ n: number }>(
      sql`select count(*) as n from stock_movements where reference = ${order.id} and kind = 'sell'`,
    );
    expect(Number(sells[0]!.n)).toBe(1);
    const mails = await t.store.rows<{ n: number }>(
      sql`select count(*) as n from outbox where topic = 'mail.order_confirmation' and payload like ${`%${order.number}%`}`,
    );
    expect(Number(mails[0]!.n)).toBe(1);
  });

  it('refuses a bad signature, a tampered body and a missing signature with 400, changing nothing', async () => {
    const placed = await place(38);
    const event = fake.buildEvent('payment_intent.succeeded', placed.payment.intentId, { apply: false });
    const before = await tableCounts(t.store);
    for (const opts of [
      { badSignature: true },
      { tamper: true },
      { omitSignature: true },
      { timestamp: Math.floor(Date.now() / 1000) - 3600 },
    ]) {
      const d = await fake.sendWebhook(event, opts);
      expect(d.status, JSON.stringify(opts)).toBe(400);
      expect(JSON.parse(d.responseBody)).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    }
    const raw = await t.call('POST', '/webhooks/stripe', {
      rawBody: 'not json',
      headers: { 'stripe-signature': 't=1,v1=00' },
    });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await tableCounts(t.store)).toEqual(before);
    expect((await orderByNumber(t, placed.orderNumber)).status).toBe('pending_payment');
  });

  it('handles events out of order: a failure after the success changes nothing; a success after a failure pays', async () => {
    const first = await place(39);
    const success = fake.buildEvent('payment_intent.succeeded', first.payment.intentId, { apply: false });
    const staleFailure = fake.buildEvent('payment_intent.payment_failed', first.payment.intentId, {
      apply: false,
    });
    expect((await fake.sendWebhook(success)).status).toBe(200);
    const paid = await orderByNumber(t, first.orderNumber);
    const counts = await tableCounts(t.store);
    expect((await fake.sendWebhook(staleFailure)).status).toBe(200);
    const after = await orderByNumber(t, first.orderNumber);
    expect(after).toEqual(paid);
    // Only the event row itself is new.
    expect(await tableCounts(t.store)).toEqual({ ...counts, payment_events: counts.payment_events! + 1 });
    expect((await paymentEvents(paid.id)).map((e) => e.outcome).sort()).toEqual(['ignored', 'paid']);

    const second = await place(39);
    expect(
      (
        await fake.deliver('payment_intent.payment_failed', second.payment.intentId, {
          failureCode: 'insufficient_funds',
        })
      ).status,
    ).toBe(200);
    let order = await orderByNumber(t, second.orderNumber);
    expect(order).toMatchObject({ status: 'pending_payment', stockState: 'reserved' });
    expect((await fake.deliver('payment_intent.succeeded', second.payment.intentId)).status).toBe(200);
    order = await orderByNumber(t, second.orderNumber);
    expect(order).toMatchObject({ status: 'paid', stockState: 'sold' });
    expect(await eventsOf(t, order.id)).toEqual(['order.placed', 'payment.failed', 'payment.succeeded']);
  });

  it('pays a success that arrives after the reservation expired when the stock is still there', async () => {
    const placed = await place(40, 2);
    // The customer paid just in time at Stripe, but the webhook is late.
    const success = fake.buildEvent('payment_intent.succeeded', placed.payment.intentId);
    const report = await expireReservations(flows.deps, Date.now() + t.config.reservationTtlMs + 1_000);
    expect(report.released).toBeGreaterThanOrEqual(1);
    expect(await orderByNumber(t, placed.orderNumber)).toMatchObject({
      status: 'cancelled',
      stockState: 'released',
    });
    const before = await sumLevels(t, [v(40)]);

    expect((await fake.sendWebhook(success)).status).toBe(200);
    const order = await orderByNumber(t, placed.orderNumber);
    expect(order).toMatchObject({ status: 'paid', stockState: 'sold', flagged: false, cancelledAt: null });
    expect(await sumLevels(t, [v(40)])).toEqual({
      onHand: before.onHand - 2,
      reserved: before.reserved,
      negative: 0,
    });
    expect(await eventsOf(t, order.id)).toEqual([
      'order.placed',
      'reservation.expired',
      'payment.succeeded_late',
    ]);
    expect((await paymentEvents(order.id)).map((e) => e.outcome)).toEqual(['paid_late']);
  });

  it('refunds in full, flags the order and tells the customer when a late success finds the stock sold', async () => {
    const placed = await place(41, 3);
    const success = fake.buildEvent('payment_intent.succeeded', placed.payment.intentId);
    await expireReservations(flows.deps, Date.now() + t.config.reservationTtlMs + 1_000);
    // Meanwhile someone else buys all that is left of the size.
    const rival = await place(41, 5);
    expect(rival.orderNumber).toBeDefined();
    const before = await sumLevels(t, [v(41)]);

    const delivered = await fake.sendWebhook(success, { times: 2 });
    expect(delivered.statuses).toEqual([200, 200]);
    const order = await orderByNumber(t, placed.orderNumber);
    expect(order).toMatchObject({
      status: 'cancelled',
      stockState: 'released',
      flagged: true,
      flagReason: 'PAID_AFTER_EXPIRY_OUT_OF_STOCK',
      refundedMinor: placed.totalMinor,
    });
    expect(await sumLevels(t, [v(41)])).toEqual(before);
    const refunds = [...fake.refunds.values()].filter((r) => r.payment_intent === placed.payment.intentId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: placed.totalMinor, status: 'succeeded' });
    expect(
      fake.requests.filter(
        (r) => r.path === '/v1/refunds' && r.idempotencyKey === `order:${order.id}:late-refund`,
      ).length,
    ).toBeGreaterThanOrEqual(1);
    const rows = await t.store.rows<{ status: string; amount_minor: number; provider_refund_id: string }>(
      sql`select status, amount_minor, provider_refund_id from refunds where order_id = ${order.id}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'succeeded', provider_refund_id: refunds[0]!.id });
    expect(Number(rows[0]!.amount_minor)).toBe(placed.totalMinor);
    const mails = await t.store.rows<{ topic: string }>(
      sql`select topic from outbox where payload like ${`%${order.number}%`}`,
    );
    expect(mails.map((m) => m.topic)).toEqual(['mail.refund_issued']);
    expect((await paymentEvents(order.id)).map((e) => e.outcome)).toEqual(['refunded_late']);
    expect(await eventsOf(t, order.id)).toEqual([
      'order.placed',
      'reservation.expired',
      'payment.refunded_late',
    ]);
  });

  it('cancels the order and releases its stock on payment_intent.canceled', async () => {
    const placed = await place(36, 2);
    const before = await sumLevels(t, [v(36)]);
    expect((await fake.deliver('payment_intent.canceled', placed.payment.intentId)).status).toBe(200);
    expect(await orderByNumber(t, placed.orderNumber)).toMatchObject({
      status: 'cancelled',
      stockState: 'released',
    });
    expect(await sumLevels(t, [v(36)])).toEqual({ ...before, reserved: before.reserved - 2 });
  });

  it('records events for unknown payments and answers 200', async () => {
    const s = await shopper(t, [{ variantId: v(38), quantity: 1 }]);
    // An intent Stripe knows but we never made an order for.
    const placed = await s.checkout();
    const intentId: string = placed.body.payment.intentId;
    await t.store.tx((tx) =>
      tx.update(t.store.t.orders).set({ paymentIntentId: null }).where(sql`id = ${placed.body.orderId}`),
    );
    fake.intents.get(intentId)!.metadata = {};
    const d = await fake.deliver('payment_intent.succeeded', intentId);
    expect(d.status).toBe(200);
    const rows = await t.store.rows<{ outcome: string; order_id: string | null }>(
      sql`select outcome, order_id from payment_events where outcome = 'unknown_order'`,
    );
    expect(rows).toEqual([{ outcome: 'unknown_order', order_id: null }]);
  });

  it('cancels the order, releases the stock and reopens the cart when Stripe is down; a retry then succeeds', async () => {
    const s = await shopper(t, [{ variantId: v(39), quantity: 1 }]);
    const before = await sumLevels(t, [v(39)]);
    fake.failNext(1, { status: 503, type: 'api_error', message: 'Down for a moment.', shouldRetry: false });
    const failed = await s.checkout();
    expect(failed.status).toBe(502);
    expect(failed.headers.get('content-type')).toMatch(/problem\+json/);
    expect(failed.body.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect(await sumLevels(t, [v(39)])).toEqual(before);
    const cancelled = await t.store.rows<{ id: string; status: string; stock_state: string }>(
      sql`select id, status, stock_state from orders where status = 'cancelled' and stock_state = 'released' and payment_intent_id is null`,
    );
    expect(cancelled).toHaveLength(1);
    expect(await eventsOf(t, cancelled[0]!.id)).toEqual(['order.placed', 'payment.intent_failed']);
    const cart = await s.call('GET', '/store/cart');
    expect(cart.status).toBe(200);

    const retry = await s.checkout();
    expect(retry.status).toBe(201);
    expect(retry.body.orderId).not.toBe(cancelled[0]!.id);
    expect((await sumLevels(t, [v(39)])).reserved).toBe(before.reserved + 1);
  });

  it('refuses demo payments in Stripe mode', async () => {
    const res = await t.call('POST', '/store/checkout/demo-pay', {
      body: { orderNumber: 'SB-ABCDEFGH', email: 'a@example.ie', cardNumber: '4242424242424242' },
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('DEMO_PAYMENTS_DISABLED');
  });
});
