import { ShoeboxApiError } from '@shoebox/shared/client';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tableCounts, testDialect } from '../../test-support/harness.ts';
import { createOrderStock, fixtureAddress } from '../../test-support/order-fixtures.ts';
import { useReturnsApp } from './returns-fixtures.ts';

describe(`size exchanges, receiving and refunding returns (${testDialect})`, () => {
  const { seed, shippedOrder, level } = useReturnsApp();
  const staffOpen = (body: unknown, token = seed.t.tokens.warehouse) =>
    seed.t.call('POST', '/admin/returns', { token, body });
  const receive = (id: string, body: unknown, token = seed.t.tokens.warehouse) =>
    seed.t.call('POST', `/admin/returns/${id}/receive`, { token, body });
  const refund = (id: string, token = seed.t.tokens.manager) =>
    seed.t.call('POST', `/admin/returns/${id}/refund`, { token });

  it('an exchange reserves the replacement at once: another shopper cannot check out the last unit', async () => {
    const stock = await createOrderStock(seed.t, { sizes: [37, 38], quantity: 1 });
    const v37 = stock.product.variant('NUDE', 37);
    const v38 = stock.product.variant('NUDE', 38);
    const { order, customer, lines } = await shippedOrder([{ variant: v37, quantity: 1 }]);

    // Another shopper has the last 38 in their cart, ready to pay.
    const { token: cartToken } = await seed.t.client().store.cart.create();
    const shop = seed.t.client(undefined, cartToken).store;
    await shop.cart.addLine({ variantId: v38.id, quantity: 1 });
    await shop.cart.setContact({ email: `rival-${process.pid}@example.com` });
    await shop.cart.setShipping({ address: fixtureAddress('Rival Shopper'), methodId: 'house-standard' });

    const res = await seed.t.call('POST', '/store/returns', {
      token: customer.token,
      body: {
        orderNumber: order.number,
        lines: [{ orderLineId: lines[0]!.id, quantity: 1, reason: 'too_small', exchangeVariantId: v38.id }],
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.lines[0]).toMatchObject({ exchangeVariantId: v38.id, refundMinor: 0 });
    expect(await level(v38.id, stock.locationId)).toEqual({ onHand: 1, reserved: 1 });
    const [reservation] = await seed.t.store.db
      .select()
      .from(seed.t.store.t.stockMovements)
      .where(eq(seed.t.store.t.stockMovements.reference, res.body.id));
    expect(reservation).toMatchObject({
      kind: 'reserve',
      variantId: v38.id,
      quantity: 1,
      reason: 'exchange',
    });

    const refused = await shop.checkout.placeOrder().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ShoeboxApiError);
    expect((refused as ShoeboxApiError).code).toBe('INSUFFICIENT_STOCK');
    expect(await level(v38.id, stock.locationId)).toEqual({ onHand: 1, reserved: 1 });

    // With nothing left, a second exchange for the same size is refused and writes nothing.
    const { order: second, lines: secondLines } = await shippedOrderOfNew37();
    const before = await tableCounts(seed.t.store);
    const none = await staffOpen({
      orderId: second.id,
      lines: [
        { orderLineId: secondLines[0]!.id, quantity: 1, reason: 'too_small', exchangeVariantId: v38.id },
      ],
    });
    expect(none.status, none.text).toBe(422);
    expect(none.body.code).toBe('INSUFFICIENT_STOCK');
    expect(await tableCounts(seed.t.store)).toEqual(before);

    async function shippedOrderOfNew37() {
      await seed.t.client(seed.t.tokens.owner).admin.inventory.receive({
        locationId: stock.locationId,
        lines: [{ variantId: v37.id, quantity: 1 }],
      });
      return shippedOrder([{ variant: v37, quantity: 1 }]);
    }
  });

  it('receiving restocks the restock line only (write-off and B-stock leave on hand), and refunds once when retried', async () => {
    const stock = await createOrderStock(seed.t, { sizes: [37, 38, 39], quantity: 5 });
    const v = (size: number) => stock.product.variant('NUDE', size);
    const { order, lines } = await shippedOrder(
      [
        { variant: v(37), quantity: 1 },
        { variant: v(38), quantity: 1 },
        { variant: v(39), quantity: 2 },
      ],
      { delivered: true },
    );
    const lineOf = (size: number) => lines.find((l) => l.variantId === v(size).id)!;
    const opened = await staffOpen({
      orderId: order.id,
      lines: [
        { orderLineId: lineOf(37).id, quantity: 1, reason: 'too_small' },
        { orderLineId: lineOf(38).id, quantity: 1, reason: 'defective' },
        { orderLineId: lineOf(39).id, quantity: 1, reason: 'not_as_pictured' },
      ],
    });
    expect(opened.status, opened.text).toBe(201);
    const returnLine = (size: number) =>
      opened.body.lines.find((l: { variantId: string }) => l.variantId === v(size).id);
    const levelsBefore = await Promise.all([37, 38, 39].map((s) => level(v(s).id, stock.locationId)));

    // Refund before receipt, an incomplete inspection and a warehouse refund are refused.
    const before = await tableCounts(seed.t.store);
    expect((await refund(opened.body.id)).body.code).toBe('RETURN_STATE_CONFLICT');
    const partial = await receive(opened.body.id, {
      lines: [{ returnLineId: returnLine(37).id, inspection: 'restock' }],
    });
    expect(partial.status, partial.text).toBe(422);
    expect(partial.body.code).toBe('RETURN_INSPECTION_INCOMPLETE');
    expect(
      (await receive(opened.body.id, { lines: [{ returnLineId: returnLine(37).id, inspection: 'resell' }] }))
        .status,
    ).toBe(400);
    expect((await refund(opened.body.id, seed.t.tokens.warehouse)).status).toBe(403);
    expect(await tableCounts(seed.t.store)).toEqual(before);

    const inspected = {
      lines: [
        { returnLineId: returnLine(37).id, inspection: 'restock' },
        { returnLineId: returnLine(38).id, inspection: 'write_off' },
        { returnLineId: returnLine(39).id, inspection: 'b_stock' },
      ],
    };
    const received = await receive(opened.body.id, inspected);
    expect(received.status, received.text).toBe(200);
    expect(received.body.status).toBe('received');
    const levelsAfter = await Promise.all([37, 38, 39].map((s) => level(v(s).id, stock.locationId)));
    expect(levelsAfter[0]).toEqual({ ...levelsBefore[0], onHand: levelsBefore[0]!.onHand + 1 });
    expect(levelsAfter[1]).toEqual(levelsBefore[1]);
    expect(levelsAfter[2]).toEqual(levelsBefore[2]);
    const again = await receive(opened.body.id, inspected);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RETURN_STATE_CONFLICT');
    expect(await level(v(37).id, stock.locationId)).toEqual(levelsAfter[0]);

    const expected =
      lineOf(37).lineTotalMinor + lineOf(38).lineTotalMinor + Math.floor(lineOf(39).lineTotalMinor / 2);
    const [first, retried] = [await refund(opened.body.id), await refund(opened.body.id)];
    expect(first.status, first.text).toBe(200);
    expect(retried.status, retried.text).toBe(200);
    expect(first.body.refund).toMatchObject({ amountMinor: expected, status: 'succeeded' });
    expect(retried.body.refund.id).toBe(first.body.refund.id);
    expect(retried.body.return).toMatchObject({ status: 'refunded', refundId: first.body.refund.id });
    // A third try through the typed client answers the same refund too.
    const viaClient = await seed.t.client(seed.t.tokens.manager).admin.returns.refund(opened.body.id);
    expect(viaClient.refund.id).toBe(first.body.refund.id);
    expect((await seed.t.client(seed.t.tokens.warehouse).admin.returns.get(opened.body.id)).status).toBe(
      'refunded',
    );

    const refunds = await seed.t.store.db
      .select()
      .from(seed.t.store.t.refunds)
      .where(eq(seed.t.store.t.refunds.orderId, order.id));
    expect(refunds).toHaveLength(1);
    const [row] = await seed.t.store.db
      .select()
      .from(seed.t.store.t.orders)
      .where(eq(seed.t.store.t.orders.id, order.id));
    expect(row).toMatchObject({ refundedMinor: expected, refundPendingMinor: 0 });
    const providerRefunds = seed.fake.requests.filter(
      (r) => r.method === 'POST' && r.path === '/v1/refunds' && r.params.payment_intent === order.intentId,
    );
    expect(providerRefunds).toHaveLength(1);

    const audit = await seed.t.store.db
      .select()
      .from(seed.t.store.t.auditLog)
      .where(eq(seed.t.store.t.auditLog.entityId, opened.body.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['return.open', 'return.receive', 'return.refund']);
  });

  it('concurrent refund requests of one return still record one refund', async () => {
    const stock = await createOrderStock(seed.t, { sizes: [40], quantity: 3 });
    const { order, lines } = await shippedOrder([
      { variant: stock.product.variant('NUDE', 40), quantity: 1 },
    ]);
    const opened = await staffOpen({
      orderId: order.id,
      lines: [{ orderLineId: lines[0]!.id, quantity: 1, reason: 'uncomfortable' }],
    });
    expect(opened.status, opened.text).toBe(201);
    const received = await receive(opened.body.id, {
      lines: [{ returnLineId: opened.body.lines[0].id, inspection: 'restock' }],
    });
    expect(received.status, received.text).toBe(200);
    const answers = await Promise.all([
      refund(opened.body.id),
      refund(opened.body.id),
      refund(opened.body.id),
    ]);
    for (const a of answers) expect([200, 409], a.text).toContain(a.status);
    const ok = answers.filter((a) => a.status === 200);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((a) => a.body.refund.id)).size).toBe(1);
    const refunds = await seed.t.store.db
      .select()
      .from(seed.t.store.t.refunds)
      .where(eq(seed.t.store.t.refunds.orderId, order.id));
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amountMinor: lines[0]!.lineTotalMinor, status: 'succeeded' });
  });
});
