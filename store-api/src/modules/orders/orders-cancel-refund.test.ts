import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from '../../test-support/fake-stripe.ts';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import {
  createOrderFixture,
  createOrderStock,
  type OrderStockFixture,
} from '../../test-support/order-fixtures.ts';

const SECRET = 'whsec_orders_cancel';

describe(`cancelling and refunding orders through Stripe (${testDialect})`, () => {
  let fake: FakeStripe;
  let t: TestApp;
  let stock: OrderStockFixture;

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: SECRET });
    t = await startTestApp({
      STRIPE_SECRET_KEY: 'sk_test_orders',
      STRIPE_WEBHOOK_SECRET: SECRET,
      STRIPE_API_BASE: fake.baseUrl,
    });
    fake.webhookUrl = `${t.baseUrl}/webhooks/stripe`;
    fake.webhookFetch = t.fetch;
    stock = await createOrderStock(t, { sizes: [37, 38], quantity: 100 });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const v37 = () => stock.product.variant('NUDE', 37);
  const v38 = () => stock.product.variant('NUDE', 38);
  const level = async (variantId: string) => {
    const res = await t.call(
      'GET',
      `/admin/inventory/levels?variantId=${variantId}&locationId=${stock.locationId}`,
      {
        token: t.tokens.owner,
      },
    );
    expect(res.status, res.text).toBe(200);
    const row = res.body.items[0];
    return { onHand: row.onHand as number, reserved: row.reserved as number };
  };
  const order = (paid: boolean, extra: { couponCode?: string } = {}) =>
    createOrderFixture(t, {
      lines: [
        { variant: v37(), quantity: 1 },
        { variant: v38(), quantity: 2 },
      ],
      paid,
      stripe: fake,
      ...extra,
    });
  const detail = async (id: string) =>
    (await t.call('GET', `/admin/orders/${id}`, { token: t.tokens.manager })).body;
  const cancel = (id: string, reason = 'Customer changed their mind', token = t.tokens.manager) =>
    t.call('POST', `/admin/orders/${id}/cancel`, { token, body: { reason } });
  const refund = (id: string, amountMinor: number, reason = 'Goodwill', token = t.tokens.manager) =>
    t.call('POST', `/admin/orders/${id}/refunds`, { token, body: { amountMinor, reason } });
  const outboxFor = async (orderNumber: string) => {
    const rows = await t.store.db
      .select()
      .from(t.store.t.outbox)
      .where(eq(t.store.t.outbox.topic, 'mail.refund_issued'));
    return rows.filter((r) => (r.payload as { orderNumber: string }).orderNumber === orderNumber);
  };
  const createCoupon = async (code: string) => {
    const res = await t.call('POST', '/admin/coupons', {
      token: t.tokens.manager,
      body: { code, kind: 'percentage', percentBasisPoints: 1000, usageLimitTotal: 10 },
    });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };
  const couponUses = async (id: string) => {
    const res = await t.call('GET', `/admin/coupons/${id}`, { token: t.tokens.manager });
    expect(res.status, res.text).toBe(200);
    return res.body.timesUsed as number;
  };

  it('cancels a pending order: reservations released, coupon use given back, intent cancelled at Stripe', async () => {
    const before37 = await level(v37().id);
    const before38 = await level(v38().id);
    const couponId = await createCoupon('SPRING10');
    const o = await order(false, { couponCode: 'SPRING10' });
    expect(o.intentId).toBeTruthy();
    expect(await level(v37().id)).toEqual({ onHand: before37.onHand, reserved: before37.reserved + 1 });
    expect(await level(v38().id)).toEqual({ onHand: before38.onHand, reserved: before38.reserved + 2 });
    expect(await couponUses(couponId)).toBe(1);

    const res = await cancel(o.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      stockState: 'released',
      allowedEvents: [],
      refunds: [],
    });
    expect(res.body.cancelledAt).toBeTruthy();
    expect(await level(v37().id)).toEqual(before37);
    expect(await level(v38().id)).toEqual(before38);
    expect(await couponUses(couponId)).toBe(0);
    const [redemption] = await t.store.db
      .select()
      .from(t.store.t.couponRedemptions)
      .where(eq(t.store.t.couponRedemptions.orderId, o.id));
    expect(redemption!.releasedAt).not.toBeNull();
    expect(fake.intents.get(o.intentId!)!.status).toBe('canceled');
    expect(fake.requests.find((r) => r.path.endsWith(`/${o.intentId}/cancel`))?.idempotencyKey).toBe(
      `order:${o.id}:cancel-intent`,
    );

    const cancelled = res.body.timeline.at(-1);
    expect(cancelled).toMatchObject({ type: 'order.cancelled', actorName: 'Test manager' });
    expect(cancelled.data).toMatchObject({ from: 'pending_payment', stock: 'release', couponReleased: true });
    const movements = await t.store.db
      .select()
      .from(t.store.t.stockMovements)
      .where(and(eq(t.store.t.stockMovements.reference, o.id), eq(t.store.t.stockMovements.kind, 'release')));
    expect(movements.map((m) => m.quantity).sort()).toEqual([1, 2]);
    expect(await outboxFor(o.number)).toHaveLength(0);
  });

  it('cancels a paid order: pairs back on the shelf, the whole amount refunded at Stripe, refund mail queued', async () => {
    const o = await order(true);
    const before37 = await level(v37().id);
    const before38 = await level(v38().id);
    const res = await cancel(o.id, 'Out of stock at the supplier');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      stockState: 'released',
      totals: { totalMinor: o.totalMinor, refundedMinor: o.totalMinor },
      refundableMinor: 0,
    });
    expect(await level(v37().id)).toEqual({ onHand: before37.onHand + 1, reserved: before37.reserved });
    expect(await level(v38().id)).toEqual({ onHand: before38.onHand + 2, reserved: before38.reserved });

    expect(res.body.refunds).toHaveLength(1);
    const row = res.body.refunds[0];
    expect(row).toMatchObject({ amountMinor: o.totalMinor, status: 'succeeded' });
    expect(row.providerRefundId).toMatch(/^re_/);
    const stripeRefund = fake.refunds.get(row.providerRefundId)!;
    expect(stripeRefund).toMatchObject({ amount: o.totalMinor, payment_intent: o.intentId });
    expect(
      fake.requests.find((r) => r.path === '/v1/refunds' && r.params.metadata?.refundRowId === row.id)
        ?.idempotencyKey,
    ).toBe(`order:${o.id}:cancel-refund`);
    expect(res.body.timeline.map((e: { type: string }) => e.type).slice(-3)).toEqual([
      'order.cancelled',
      'refund.requested',
      'refund.succeeded',
    ]);
    const mails = await outboxFor(o.number);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({
      to: o.email,
      amountMinor: o.totalMinor,
      full: true,
      currency: 'EUR',
    });
  });

  it('cancels a packed order too, but refuses a shipped or already cancelled one with 409', async () => {
    const packed = await order(true);
    for (const event of ['start_picking', 'pack'])
      await t.call('POST', `/admin/orders/${packed.id}/transition`, {
        token: t.tokens.warehouse,
        body: { event },
      });
    const res = await cancel(packed.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('cancelled');

    const shipped = await order(true);
    for (const event of ['start_picking', 'pack', 'ship'])
      await t.call('POST', `/admin/orders/${shipped.id}/transition`, {
        token: t.tokens.warehouse,
        body: { event },
      });
    const before = await tableCounts(t.store);
    const refused = await cancel(shipped.id);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'ILLEGAL_ORDER_TRANSITION',
      details: { from: 'shipped', event: 'cancel' },
    });
    const again = await cancel(packed.id);
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ from: 'cancelled', event: 'cancel' });
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('keeps a cancelled order cancelled when the refund fails at Stripe; staff retry with the refund endpoint', async () => {
    const o = await order(true);
    fake.failNext(1, {
      status: 400,
      type: 'invalid_request_error',
      code: 'charge_disputed',
      message: 'Disputed.',
    });
    const res = await cancel(o.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      stockState: 'released',
      totals: { refundedMinor: 0 },
      refundableMinor: o.totalMinor,
    });
    expect(res.body.refunds).toMatchObject([
      { status: 'failed', amountMinor: o.totalMinor, providerRefundId: null },
    ]);
    const failed = res.body.timeline.at(-1);
    expect(failed).toMatchObject({ type: 'refund.failed', data: { failureCode: 'charge_disputed' } });
    expect(await outboxFor(o.number)).toHaveLength(0);

    const retry = await refund(o.id, o.totalMinor, 'Retry of the cancellation refund');
    expect(retry.status, retry.text).toBe(201);
    expect(retry.body.refund).toMatchObject({ status: 'succeeded', amountMinor: o.totalMinor });
    expect(retry.body.order).toMatchObject({
      status: 'cancelled',
      totals: { refundedMinor: o.totalMinor },
      refundableMinor: 0,
    });
    expect(await outboxFor(o.number)).toHaveLength(1);
  });

  it('refunds part, then the rest, then refuses more with 422 REFUND_EXCEEDS_REFUNDABLE', async () => {
    const o = await order(true);
    const first = await refund(o.id, 4000, 'Heel scuffed');
    expect(first.status, first.text).toBe(201);
    expect(first.body.refund).toMatchObject({
      amountMinor: 4000,
      status: 'succeeded',
      reason: 'Heel scuffed',
    });
    const rest = o.totalMinor - 4000;
    expect(first.body.order).toMatchObject({
      status: 'paid',
      totals: { refundedMinor: 4000 },
      refundableMinor: rest,
    });
    expect(
      fake.requests.find(
        (r) => r.path === '/v1/refunds' && r.params.metadata?.refundRowId === first.body.refund.id,
      )?.idempotencyKey,
    ).toBe(`refund:${first.body.refund.id}`);

    const before = await tableCounts(t.store);
    const over = await refund(o.id, rest + 1);
    expect(over.status).toBe(422);
    expect(over.headers.get('content-type')).toContain('application/problem+json');
    expect(over.body).toMatchObject({
      code: 'REFUND_EXCEEDS_REFUNDABLE',
      details: { requestedMinor: rest + 1, refundableMinor: rest },
    });
    expect(await tableCounts(t.store)).toEqual(before);

    const second = await refund(o.id, rest, 'Returned');
    expect(second.status, second.text).toBe(201);
    expect(second.body.order).toMatchObject({ totals: { refundedMinor: o.totalMinor }, refundableMinor: 0 });
    const charge = [...fake.charges.values()].find((c) => c.payment_intent === o.intentId)!;
    expect(charge.amount_refunded).toBe(o.totalMinor);
    const mails = await outboxFor(o.number);
    expect(mails.map((m) => (m.payload as { amountMinor: number; full: boolean }).full)).toEqual([
      false,
      true,
    ]);

    const none = await refund(o.id, 1);
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('REFUND_EXCEEDS_REFUNDABLE');
    const d = await detail(o.id);
    expect(d.timeline.map((e: { type: string }) => e.type).slice(-4)).toEqual([
      'refund.requested',
      'refund.succeeded',
      'refund.requested',
      'refund.succeeded',
    ]);
  });

  it('refunds shipped and delivered orders; refuses an unpaid one with 422 ORDER_NOT_PAID', async () => {
    const delivered = await order(true);
    for (const event of ['start_picking', 'pack', 'ship', 'deliver'])
      await t.call('POST', `/admin/orders/${delivered.id}/transition`, {
        token: t.tokens.warehouse,
        body: { event },
      });
    const ok = await refund(delivered.id, 500);
    expect(ok.status, ok.text).toBe(201);

    const pending = await order(false);
    const before = await tableCounts(t.store);
    const res = await refund(pending.id, 100);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'ORDER_NOT_PAID', details: { status: 'pending_payment' } });
    await cancel(pending.id);
    const after = await tableCounts(t.store);
    const again = await refund(pending.id, 100);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('ORDER_NOT_PAID');
    expect(await tableCounts(t.store)).toEqual(after);
    expect(after.refunds).toBe(before.refunds);
  });

  it('records a refund the provider refuses as failed, answers 502 REFUND_FAILED, and frees the amount again', async () => {
    const o = await order(true);
    fake.failNext(1, { status: 400, type: 'invalid_request_error', code: 'charge_disputed' });
    const res = await refund(o.id, 3000);
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('REFUND_FAILED');
    const d = await detail(o.id);
    expect(d.refunds).toMatchObject([{ id: res.body.details.refundId, status: 'failed', amountMinor: 3000 }]);
    expect(d).toMatchObject({ totals: { refundedMinor: 0 }, refundableMinor: o.totalMinor });
    expect(d.timeline.at(-1)).toMatchObject({ type: 'refund.failed' });
    expect((await refund(o.id, o.totalMinor)).status).toBe(201);
  });

  it('puts back a refund Stripe accepted and then reports failed: refundable again, order flagged, once', async () => {
    const o = await order(true);
    fake.refundMode = 'pending';
    const accepted = await refund(o.id, 1_000, 'Goodwill');
    fake.refundMode = 'succeeded';
    expect(accepted.status, accepted.text).toBe(201);
    expect(accepted.body.order).toMatchObject({ totals: { refundedMinor: 1_000 } });
    const providerRefundId = accepted.body.refund.providerRefundId as string;

    const failed = await fake.deliver('refund.failed', providerRefundId, {
      failureCode: 'expired_or_canceled_card',
    });
    expect(failed.status, failed.responseBody).toBe(200);
    const d = await detail(o.id);
    expect(d).toMatchObject({
      flagged: true,
      flagReason: 'REFUND_FAILED_AT_PROVIDER',
      totals: { refundedMinor: 0 },
      refundableMinor: o.totalMinor,
    });
    expect(d.refunds).toMatchObject([{ status: 'failed', amountMinor: 1_000, providerRefundId }]);
    expect(d.timeline.at(-1)).toMatchObject({
      type: 'refund.failed_at_provider',
      data: { amountMinor: 1_000, failureCode: 'expired_or_canceled_card' },
    });

    // Redelivered: no second effect. A refund we never made: ignored.
    const before = await tableCounts(t.store);
    expect((await fake.sendWebhook(failed.event)).status).toBe(200);
    expect(await detail(o.id)).toMatchObject({ version: d.version, totals: { refundedMinor: 0 } });
    expect(await tableCounts(t.store)).toEqual(before);

    // Staff refund again; it goes through.
    const retry = await refund(o.id, 1_000, 'Second try');
    expect(retry.status, retry.text).toBe(201);
    expect(retry.body.order).toMatchObject({ totals: { refundedMinor: 1_000 } });
  });

  it('never refunds more than was paid under 5 concurrent refunds that together exceed the total', async () => {
    const o = await order(true);
    const amount = Math.floor(o.totalMinor / 3) + 1; // two fit, the third would exceed the total
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => refund(o.id, amount, `Concurrent ${i}`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 422, 422, 422]);
    for (const r of results.filter((x) => x.status === 422))
      expect(r.body.code).toBe('REFUND_EXCEEDS_REFUNDABLE');
    const d = await detail(o.id);
    expect(d.totals.refundedMinor).toBe(2 * amount);
    expect(d.refundableMinor).toBe(o.totalMinor - 2 * amount);
    expect(d.refunds.filter((r: { status: string }) => r.status === 'succeeded')).toHaveLength(2);
    const charge = [...fake.charges.values()].find((c) => c.payment_intent === o.intentId)!;
    expect(charge.amount_refunded).toBe(2 * amount);
    const [row] = await t.store.db.select().from(t.store.t.orders).where(eq(t.store.t.orders.id, o.id));
    expect(row!.refundPendingMinor).toBe(0);
  });

  it('lets a cancel and refunds race without refunding more than was paid', async () => {
    const o = await order(true);
    const part = Math.floor(o.totalMinor * 0.6);
    const results = await Promise.all([cancel(o.id), refund(o.id, part), refund(o.id, part)]);
    expect(results[0]!.status).toBe(200);
    const d = await detail(o.id);
    expect(d.status).toBe('cancelled');
    expect(d.totals.refundedMinor).toBe(o.totalMinor);
    const charge = [...fake.charges.values()].find((c) => c.payment_intent === o.intentId)!;
    expect(charge.amount_refunded).toBe(o.totalMinor);
  });

  it('audits cancels and refunds with the staff member', async () => {
    const o = await order(true);
    await refund(o.id, 100);
    await cancel(o.id);
    const audit = await t.call('GET', `/admin/audit-log?entity=order&entityId=${o.id}`, {
      token: t.tokens.owner,
    });
    const actions = audit.body.items.map((a: { action: string }) => a.action).sort();
    expect(actions).toEqual(
      ['order.cancel', 'refund.request', 'refund.succeeded', 'refund.succeeded'].sort(),
    );
  });
});
