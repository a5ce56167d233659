import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tableCounts, testDialect } from '../../test-support/harness.ts';
import { createCustomer, createOrderFixture, createOrderStock } from '../../test-support/order-fixtures.ts';
import { useReturnsApp } from './returns-fixtures.ts';

describe(`returns and size exchanges (${testDialect})`, () => {
  const { seed, shippedOrder, backdateShipment } = useReturnsApp();
  const request = (token: string, body: unknown) => seed.t.call('POST', '/store/returns', { token, body });

  it('a customer returns part of a shipped order within the window; the same units cannot come back twice', async () => {
    const stock = await createOrderStock(seed.t, { sizes: [37, 38], quantity: 10 });
    const { order, customer, lines } = await shippedOrder([
      { variant: stock.product.variant('NUDE', 37), quantity: 2 },
    ]);
    await backdateShipment(order.id, 29);
    const line = lines[0]!;

    const res = await request(customer.token, {
      orderNumber: order.number,
      lines: [{ orderLineId: line.id, quantity: 1, reason: 'too_small' }],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ orderId: order.id, status: 'requested', refundId: null });
    expect(res.body.lines).toEqual([
      expect.objectContaining({ orderLineId: line.id, quantity: 1, reason: 'too_small', inspection: null }),
    ]);
    expect(res.body.lines[0].refundMinor).toBe(Math.floor(line.lineTotalMinor / 2));
    const events = await seed.t.store.db
      .select()
      .from(seed.t.store.t.domainEvents)
      .where(eq(seed.t.store.t.domainEvents.aggregateId, res.body.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'return.requested' });
    expect(events[0]!.data).toMatchObject({
      variantId: line.variantId,
      quantity: 1,
      reason: 'too_small',
      exchange: false,
    });

    const before = await tableCounts(seed.t.store);
    const again = await request(customer.token, {
      orderNumber: order.number,
      lines: [{ orderLineId: line.id, quantity: 2, reason: 'too_small' }],
    });
    expect(again.status, again.text).toBe(422);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body).toMatchObject({ code: 'RETURN_QUANTITY_EXCEEDED', details: { returnable: 1 } });
    expect(await tableCounts(seed.t.store)).toEqual(before);

    // The last unit can still come back.
    const last = await request(customer.token, {
      orderNumber: order.number,
      lines: [{ orderLineId: line.id, quantity: 1, reason: 'defective' }],
    });
    expect(last.status, last.text).toBe(201);

    // The customer sees both returns through the client, newest first; another customer sees none.
    const mine = await seed.t.client(customer.token).store.returns.mine();
    expect(mine.items.map((r) => r.id)).toEqual([last.body.id, res.body.id]);
    expect(mine.items[0]!.lines[0]).toMatchObject({ reason: 'defective', quantity: 1 });
    const stranger = await createCustomer(seed.t);
    expect((await seed.t.client(stranger.token).store.returns.mine()).items).toEqual([]);
  });

  it('refuses a return after the window with RETURN_WINDOW_CLOSED and writes nothing', async () => {
    const stock = await createOrderStock(seed.t, { sizes: [37], quantity: 5 });
    const { order, customer, lines } = await shippedOrder(
      [{ variant: stock.product.variant('NUDE', 37), quantity: 1 }],
      {
        delivered: true,
      },
    );
    await backdateShipment(order.id, 31);
    const before = await tableCounts(seed.t.store);
    const res = await request(customer.token, {
      orderNumber: order.number,
      lines: [{ orderLineId: lines[0]!.id, quantity: 1, reason: 'changed_mind' }],
    });
    expect(res.status, res.text).toBe(422);
    expect(res.body).toMatchObject({ code: 'RETURN_WINDOW_CLOSED', details: { windowDays: 30 } });
    expect(await tableCounts(seed.t.store)).toEqual(before);
  });

  it('refuses bad input, unshipped orders and other customers’ orders with problem+json, writing nothing', async () => {
    const stock = await createOrderStock(seed.t, { sizes: [37, 38], quantity: 5 });
    const { order, customer, lines } = await shippedOrder([
      { variant: stock.product.variant('NUDE', 37), quantity: 1 },
    ]);
    const other = await createCustomer(seed.t);
    const unshipped = await createOrderFixture(seed.t, {
      lines: [{ variant: stock.product.variant('NUDE', 37), quantity: 1 }],
      paid: true,
      stripe: seed.fake,
      customer,
    });
    const [unshippedLine] = await seed.t.store.db
      .select()
      .from(seed.t.store.t.orderLines)
      .where(eq(seed.t.store.t.orderLines.orderId, unshipped.id));
    const ok = { orderLineId: lines[0]!.id, quantity: 1, reason: 'too_wide' };
    const cases: Array<[string, unknown, number, string]> = [
      [
        customer.token,
        { orderNumber: order.number, lines: [{ ...ok, reason: 'ugly' }] },
        400,
        'VALIDATION_FAILED',
      ],
      [customer.token, { orderNumber: order.number, lines: [] }, 400, 'VALIDATION_FAILED'],
      [customer.token, { orderNumber: order.number, lines: [ok, ok] }, 400, 'VALIDATION_FAILED'],
      [
        customer.token,
        { orderNumber: order.number, lines: [{ ...ok, quantity: 0 }] },
        400,
        'VALIDATION_FAILED',
      ],
      [
        customer.token,
        { orderNumber: order.number, lines: [{ ...ok, quantity: 2 }] },
        422,
        'RETURN_QUANTITY_EXCEEDED',
      ],
      [
        customer.token,
        { orderNumber: order.number, lines: [{ ...ok, orderLineId: unshippedLine!.id }] },
        422,
        'RETURN_LINE_UNKNOWN',
      ],
      [
        customer.token,
        {
          orderNumber: order.number,
          lines: [{ ...ok, exchangeVariantId: stock.product.variant('NUDE', 37).id }],
        },
        422,
        'EXCHANGE_VARIANT_INVALID',
      ],
      [
        customer.token,
        { orderNumber: unshipped.number, lines: [{ ...ok, orderLineId: unshippedLine!.id }] },
        422,
        'RETURN_ORDER_NOT_SHIPPED',
      ],
      [other.token, { orderNumber: order.number, lines: [ok] }, 404, 'ORDER_NOT_FOUND'],
      [seed.t.tokens.warehouse, { orderNumber: order.number, lines: [ok] }, 401, 'CUSTOMER_SIGN_IN_REQUIRED'],
    ];
    const before = await tableCounts(seed.t.store);
    for (const [token, body, status, code] of cases) {
      const res = await request(token, body);
      expect(res.status, `${code}: ${res.text}`).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe(code);
    }
    expect(await tableCounts(seed.t.store)).toEqual(before);
  });
});
