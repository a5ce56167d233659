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
import { SECRET, stripeEnv } from '../../test-support/orders-admin-fixtures.ts';

describe(`admin order list filters (${testDialect})`, () => {
  let fake: FakeStripe;
  let t: TestApp;
  let stock: OrderStockFixture;
  let customerA: { id: string; email: string; token: string };
  let o1: OrderFixture;
  let o2: OrderFixture;
  let o3: OrderFixture;
  let o4: OrderFixture;

  const list = async (query: string, token?: string) => {
    const res = await t.call('GET', `/admin/orders${query}`, { token: token ?? t.tokens.manager });
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  const numbers = async (query: string) => (await list(query)).items.map((o: { number: string }) => o.number);

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: SECRET });
    t = await startTestApp(stripeEnv(fake));
    fake.webhookUrl = `${t.baseUrl}/webhooks/stripe`;
    fake.webhookFetch = t.fetch;
    stock = await createOrderStock(t, {
      sizes: [37, 38, 39],
      quantity: 20,
      prices: { 37: 5000, 38: 8000, 39: 10000 },
    });
    customerA = await createCustomer(t);
    const [s37, s38, s39] = [37, 38, 39].map((s) => stock.product.variant('NUDE', s));
    const at = (iso: string) => Date.parse(iso);
    o1 = await createOrderFixture(t, {
      customer: customerA,
      lines: [{ variant: s37!, quantity: 1 }],
      createdAt: at('2023-01-10T10:00:00Z'),
    });
    o2 = await createOrderFixture(t, {
      email: 'Bob@Example.com',
      lines: [{ variant: s38!, quantity: 2 }],
      paid: true,
      stripe: fake,
      createdAt: at('2023-01-11T10:00:00Z'),
    });
    o3 = await createOrderFixture(t, {
      customer: customerA,
      lines: [
        { variant: s37!, quantity: 1 },
        { variant: s38!, quantity: 1 },
      ],
      paid: true,
      stripe: fake,
      createdAt: at('2023-01-12T10:00:00Z'),
    });
    const picked = await t.call('POST', `/admin/orders/${o3.id}/transition`, {
      token: t.tokens.warehouse,
      body: { event: 'start_picking' },
    });
    expect(picked.status, picked.text).toBe(200);
    o4 = await createOrderFixture(t, {
      email: 'dave_d@example.com',
      lines: [{ variant: s39!, quantity: 3 }],
      createdAt: at('2023-02-01T10:00:00Z'),
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('lists every order newest first with the total count and item counts', async () => {
    const body = await list('');
    expect(body.total).toBe(4);
    expect(body.items.map((o: { number: string }) => o.number)).toEqual([
      o4.number,
      o3.number,
      o2.number,
      o1.number,
    ]);
    const first = body.items[0];
    expect(first).toMatchObject({
      id: o4.id,
      status: 'pending_payment',
      email: 'dave_d@example.com',
      itemCount: 3,
      currency: 'EUR',
      totalMinor: o4.totalMinor,
      refundedMinor: 0,
      customerName: 'Ana Shopper',
    });
    expect(body.moneyVisible).toBe(true);
  });

  it('paginates and keeps the total of all matches', async () => {
    const body = await list('?pageSize=2&page=2');
    expect(body).toMatchObject({ page: 2, pageSize: 2, total: 4 });
    expect(body.items.map((o: { number: string }) => o.number)).toEqual([o2.number, o1.number]);
  });

  it('filters by one or several statuses (comma list or repeated parameter)', async () => {
    expect(await numbers('?status=paid')).toEqual([o2.number]);
    expect(await numbers('?status=paid,picking')).toEqual([o3.number, o2.number]);
    expect(await numbers('?status=pending_payment&status=picking')).toEqual([
      o4.number,
      o3.number,
      o1.number,
    ]);
    expect(await numbers('?status=delivered')).toEqual([]);
  });

  it('filters by creation date: a date "to" includes that whole day, a timestamp is exclusive', async () => {
    expect(await numbers('?from=2023-01-11&to=2023-01-12')).toEqual([o3.number, o2.number]);
    expect(await numbers('?from=2023-01-01&to=2023-01-12T00:00:00Z')).toEqual([o2.number, o1.number]);
    expect(await numbers('?from=2023-01-20T00:00:00Z')).toEqual([o4.number]);
  });

  it('filters by customer, by exact email ignoring case, and by SKU ignoring case', async () => {
    expect(await numbers(`?customerId=${customerA.id}`)).toEqual([o3.number, o1.number]);
    expect(await numbers('?email=BOB@example.COM')).toEqual([o2.number]);
    expect(await numbers(`?email=${customerA.email.toUpperCase()}`)).toEqual([o3.number, o1.number]);
    expect(await numbers('?email=bob@example')).toEqual([]);
    const sku38 = stock.product.variant('NUDE', 38).sku;
    expect(await numbers(`?sku=${sku38.toLowerCase()}`)).toEqual([o3.number, o2.number]);
  });

  it('filters by total range in minor units, bounds included', async () => {
    expect(
      o1.totalMinor < o3.totalMinor && o3.totalMinor < o2.totalMinor && o2.totalMinor < o4.totalMinor,
    ).toBe(true);
    expect(await numbers(`?minTotal=${o3.totalMinor}&maxTotal=${o2.totalMinor}`)).toEqual([
      o3.number,
      o2.number,
    ]);
    expect(await numbers(`?minTotal=${o2.totalMinor + 1}`)).toEqual([o4.number]);
    expect(await numbers(`?maxTotal=${o1.totalMinor}`)).toEqual([o1.number]);
  });

  it('searches by order number prefix or email part, with LIKE wildcards taken literally', async () => {
    expect(await numbers(`?q=${o2.number.toLowerCase()}`)).toEqual([o2.number]);
    expect(await numbers(`?q=${o2.number.slice(0, 6)}`)).toContain(o2.number);
    expect(await numbers('?q=DAVE')).toEqual([o4.number]);
    expect(await numbers('?q=_')).toEqual([o4.number]);
    expect(await numbers('?q=%25')).toEqual([]);
    expect(await numbers('?q=example.com&status=pending_payment')).toEqual([o4.number, o1.number]);
  });

  it('shows warehouse staff the list without money', async () => {
    const body = await list('', t.tokens.warehouse);
    expect(body.moneyVisible).toBe(false);
    expect(body.items).toHaveLength(4);
    for (const o of body.items) {
      expect(o.totalMinor).toBeNull();
      expect(o.refundedMinor).toBeNull();
    }
  });

  it('refuses bad filters with 400 problem+json and writes nothing', async () => {
    const before = await tableCounts(t.store);
    for (const [query, code] of [
      ['?status=lost', 'VALIDATION_FAILED'],
      ['?minTotal=500&maxTotal=100', 'VALIDATION_FAILED'],
      ['?minTotal=1.5', 'VALIDATION_FAILED'],
      ['?from=yesterday', 'VALIDATION_FAILED'],
      ['?from=2023-02-01&to=2023-01-01', 'VALIDATION_FAILED'],
      ['?customerId=abc', 'VALIDATION_FAILED'],
      ['?pageSize=1000', 'VALIDATION_FAILED'],
      ['?colour=red', 'VALIDATION_FAILED'],
    ] as const) {
      const res = await t.call('GET', `/admin/orders${query}`, { token: t.tokens.manager });
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code, query).toBe(code);
    }
    const inverted = await t.call('GET', '/admin/orders?minTotal=500&maxTotal=100', {
      token: t.tokens.manager,
    });
    expect(inverted.body.errors[0]).toMatchObject({ path: 'minTotal', code: 'TOTAL_RANGE_INVERTED' });
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('keeps customers and anonymous callers out of the admin list', async () => {
    const customer = await createCustomer(t);
    expect((await t.call('GET', '/admin/orders', { token: customer.token })).status).toBe(403);
    expect((await t.call('GET', '/admin/orders')).status).toBe(401);
  });
});
