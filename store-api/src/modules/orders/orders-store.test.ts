import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from '../../test-support/fake-stripe.ts';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import {
  createCustomer,
  createOrderFixture,
  createOrderStock,
  type OrderFixture,
  type OrderStockFixture,
} from '../../test-support/order-fixtures.ts';

const SECRET = 'whsec_orders_store';

describe(`customer order history, detail and guest lookup (${testDialect})`, () => {
  let fake: FakeStripe;
  let t: TestApp;
  let stock: OrderStockFixture;
  let ana: { id: string; email: string; token: string };
  let ben: { id: string; email: string; token: string };
  let anaOld: OrderFixture;
  let anaNew: OrderFixture;
  let benOrder: OrderFixture;
  let guest: OrderFixture;

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: SECRET });
    t = await startTestApp({
      STRIPE_SECRET_KEY: 'sk_test_orders',
      STRIPE_WEBHOOK_SECRET: SECRET,
      STRIPE_API_BASE: fake.baseUrl,
    });
    fake.webhookUrl = `${t.baseUrl}/webhooks/stripe`;
    fake.webhookFetch = t.fetch;
    stock = await createOrderStock(t, { sizes: [38, 39], quantity: 50, prices: { 38: 7500, 39: 7500 } });
    ana = await createCustomer(t, 'Ana');
    ben = await createCustomer(t, 'Ben');
    const line = (size: number, quantity: number) => ({
      variant: stock.product.variant('NUDE', size),
      quantity,
    });
    anaOld = await createOrderFixture(t, {
      customer: ana,
      lines: [line(38, 1)],
      paid: true,
      stripe: fake,
      createdAt: Date.now() - 86_400_000,
    });
    anaNew = await createOrderFixture(t, {
      customer: ana,
      lines: [line(38, 1), line(39, 2)],
      paid: true,
      stripe: fake,
    });
    benOrder = await createOrderFixture(t, { customer: ben, lines: [line(39, 1)] });
    guest = await createOrderFixture(t, {
      email: 'Guest.Shopper@Example.com',
      lines: [line(38, 1)],
      paid: true,
      stripe: fake,
    });
    // Staff activity on Ana's newer order: a note, a partial refund, shipping.
    const staff = { token: t.tokens.manager };
    expect(
      (
        await t.call('POST', `/admin/orders/${anaNew.id}/notes`, {
          ...staff,
          body: { text: 'INTERNAL: customer was rude on the phone' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await t.call('POST', `/admin/orders/${anaNew.id}/refunds`, {
          ...staff,
          body: { amountMinor: 1500, reason: 'INTERNAL: goodwill after complaint' },
        })
      ).status,
    ).toBe(201);
    for (const event of ['start_picking', 'pack', 'ship'])
      await t.call('POST', `/admin/orders/${anaNew.id}/transition`, {
        token: t.tokens.warehouse,
        body: { event },
      });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('lists only the signed-in customer’s orders, newest first, paginated', async () => {
    const res = await t.call('GET', '/store/orders', { token: ana.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((o: { number: string }) => o.number)).toEqual([anaNew.number, anaOld.number]);
    expect(res.body.items[0]).toMatchObject({
      status: 'shipped',
      itemCount: 3,
      currency: 'EUR',
      totalMinor: anaNew.totalMinor,
    });
    expect(res.body.items[0].id).toBeUndefined();

    const page2 = await t.call('GET', '/store/orders?pageSize=1&page=2', { token: ana.token });
    expect(page2.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(page2.body.items.map((o: { number: string }) => o.number)).toEqual([anaOld.number]);

    const bens = await t.call('GET', '/store/orders', { token: ben.token });
    expect(bens.body.items.map((o: { number: string }) => o.number)).toEqual([benOrder.number]);
  });

  it('shows a customer their own order with a customer-safe timeline: no notes, staff or payment ids', async () => {
    const res = await t.call('GET', `/store/orders/${anaNew.number.toLowerCase()}`, { token: ana.token });
    expect(res.status, res.text).toBe(200);
    const d = res.body;
    expect(d).toMatchObject({
      number: anaNew.number,
      status: 'shipped',
      email: ana.email,
      totals: { totalMinor: anaNew.totalMinor, refundedMinor: 1500 },
      shippingAddress: { name: 'Ana Shopper', city: 'Dublin', country: 'IE' },
    });
    expect(d.lines).toHaveLength(2);
    expect(d.lines[0]).toEqual({
      // The line's id: what POST /store/returns names a returned pair by.
      id: expect.any(String),
      sku: expect.any(String),
      productName: expect.any(String),
      colourName: expect.any(String),
      sizeEu: expect.any(Number),
      width: 'standard',
      quantity: expect.any(Number),
      unitPriceMinor: 7500,
      lineTotalMinor: expect.any(Number),
    });
    expect(d.timeline.map((e: { type: string }) => e.type)).toEqual([
      'placed',
      'paid',
      'refunded',
      'shipped',
    ]);
    expect(d.timeline[2]).toMatchObject({ amountMinor: 1500 });
    const text = JSON.stringify(d);
    expect(text).not.toContain('INTERNAL');
    expect(text).not.toContain('Test manager');
    expect(text).not.toContain('Test warehouse');
    expect(text).not.toContain(anaNew.intentId!);
    expect(text).not.toContain(anaNew.id);
    expect(text).not.toMatch(/actor|note|stripe/i);
  });

  it('answers 404 ORDER_NOT_FOUND for another customer’s order, exactly as for an unknown one', async () => {
    const other = await t.call('GET', `/store/orders/${benOrder.number}`, { token: ana.token });
    const unknown = await t.call('GET', '/store/orders/SB-00000000', { token: ana.token });
    const guestsOrder = await t.call('GET', `/store/orders/${guest.number}`, { token: ana.token });
    for (const res of [other, unknown, guestsOrder]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('ORDER_NOT_FOUND');
      expect(res.body.detail).toBe(other.body.detail);
    }
    const own = await t.call('GET', `/store/orders/${benOrder.number}`, { token: ben.token });
    expect(own.status).toBe(200);
  });

  it('needs a customer sign-in for history and detail; staff tokens are not customers', async () => {
    expect((await t.call('GET', '/store/orders')).status).toBe(401);
    expect((await t.call('GET', `/store/orders/${anaNew.number}`)).status).toBe(401);
    const staff = await t.call('GET', '/store/orders', { token: t.tokens.owner });
    expect(staff.status).toBe(401);
    expect(staff.body.code).toBe('CUSTOMER_SIGN_IN_REQUIRED');
  });

  it('finds a guest order by number and email, ignoring case and spaces', async () => {
    const res = await t.call('POST', '/store/orders/lookup', {
      body: { orderNumber: ` ${guest.number.toLowerCase()} `, email: ' GUEST.shopper@example.COM ' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      number: guest.number,
      status: 'paid',
      email: 'guest.shopper@example.com',
    });
    expect(res.body.timeline.map((e: { type: string }) => e.type)).toEqual(['placed', 'paid']);

    const withNotes = await t.call('POST', '/store/orders/lookup', {
      body: { orderNumber: anaNew.number, email: ana.email },
    });
    expect(withNotes.status).toBe(200);
    expect(JSON.stringify(withNotes.body)).not.toContain('INTERNAL');
    expect(withNotes.body).toEqual(
      (await t.call('GET', `/store/orders/${anaNew.number}`, { token: ana.token })).body,
    );
  });

  it('answers a wrong email exactly like an unknown order number', async () => {
    const before = await tableCounts(t.store);
    const wrongEmail = await t.call('POST', '/store/orders/lookup', {
      body: { orderNumber: guest.number, email: 'someone.else@example.com' },
    });
    const unknown = await t.call('POST', '/store/orders/lookup', {
      body: { orderNumber: 'SB-00000000', email: 'guest.shopper@example.com' },
    });
    for (const res of [wrongEmail, unknown]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('ORDER_NOT_FOUND');
    }
    expect(wrongEmail.body.detail).toBe(unknown.body.detail);
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('refuses bad input at the customer order routes with 400 problem+json and writes nothing', async () => {
    const before = await tableCounts(t.store);
    const cases: Array<[string, string, unknown, string | undefined]> = [
      ['GET', '/store/orders?pageSize=500', undefined, ana.token],
      ['GET', '/store/orders?page=0', undefined, ana.token],
      ['GET', '/store/orders?status=paid', undefined, ana.token],
      ['GET', '/store/orders/12345', undefined, ana.token],
      ['GET', '/store/orders/SB-ILOU0000', undefined, ana.token],
      ['POST', '/store/orders/lookup', {}, undefined],
      ['POST', '/store/orders/lookup', { orderNumber: guest.number }, undefined],
      ['POST', '/store/orders/lookup', { orderNumber: guest.number, email: 'not-an-email' }, undefined],
      ['POST', '/store/orders/lookup', { orderNumber: 'ORDER-1', email: 'a@b.co' }, undefined],
      [
        'POST',
        '/store/orders/lookup',
        { orderNumber: guest.number, email: guest.email, extra: true },
        undefined,
      ],
      ['POST', '/store/orders/lookup', { orderNumber: 42, email: guest.email }, undefined],
    ];
    for (const [method, path, body, token] of cases) {
      const res = await t.call(method, path, { token, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await tableCounts(t.store)).toEqual(before);
  });
});

describe(`guest order lookup rate limit (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    // The harness signs in three staff members through the same per-address limiter.
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '6' });
  });
  afterAll(() => t?.close());

  it('answers 429 RATE_LIMITED after too many lookups from one address', async () => {
    const body = { orderNumber: 'SB-00000000', email: 'guess@example.com' };
    const answers: Array<{ status: number; code: string }> = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.call('POST', '/store/orders/lookup', { body });
      answers.push({ status: res.status, code: res.body.code });
    }
    const firstLimited = answers.findIndex((a) => a.status === 429);
    expect(firstLimited).toBeGreaterThan(0);
    expect(answers.slice(0, firstLimited).every((a) => a.code === 'ORDER_NOT_FOUND')).toBe(true);
    expect(answers.slice(firstLimited).every((a) => a.code === 'RATE_LIMITED')).toBe(true);
  });
});
