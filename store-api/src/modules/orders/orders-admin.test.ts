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

const SECRET = 'whsec_orders_admin';
const stripeEnv = (fake: FakeStripe) => ({
  STRIPE_SECRET_KEY: 'sk_test_orders',
  STRIPE_WEBHOOK_SECRET: SECRET,
  STRIPE_API_BASE: fake.baseUrl,
});

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

describe(`admin order detail, transitions and notes (${testDialect})`, () => {
  let fake: FakeStripe;
  let t: TestApp;
  let stock: OrderStockFixture;

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: SECRET });
    t = await startTestApp(stripeEnv(fake));
    fake.webhookUrl = `${t.baseUrl}/webhooks/stripe`;
    fake.webhookFetch = t.fetch;
    stock = await createOrderStock(t, { sizes: [37, 38], quantity: 200 });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const paidOrder = () =>
    createOrderFixture(t, {
      lines: [
        { variant: stock.product.variant('NUDE', 37), quantity: 1 },
        { variant: stock.product.variant('NUDE', 38), quantity: 2 },
      ],
      paid: true,
      stripe: fake,
    });
  const detail = (id: string, token = t.tokens.manager) => t.call('GET', `/admin/orders/${id}`, { token });
  const step = (id: string, event: string, extra: Record<string, unknown> = {}, token = t.tokens.warehouse) =>
    t.call('POST', `/admin/orders/${id}/transition`, { token, body: { event, ...extra } });

  it('shows lines, totals, payment, refundable amount and the timeline oldest first', async () => {
    const order = await paidOrder();
    const paidVersion = (await detail(order.id)).body.version;
    expect((await step(order.id, 'start_picking')).status).toBe(200);
    const note = await t.call('POST', `/admin/orders/${order.id}/notes`, {
      token: t.tokens.manager,
      body: { text: 'Customer asked for gift wrap' },
    });
    expect(note.status, note.text).toBe(201);

    const res = await detail(order.id);
    expect(res.status, res.text).toBe(200);
    const d = res.body;
    expect(d).toMatchObject({
      id: order.id,
      number: order.number,
      status: 'picking',
      allowedEvents: ['pack', 'cancel'],
      stockState: 'sold',
      moneyVisible: true,
      payment: { provider: 'stripe', intentId: order.intentId },
      totals: { subtotalMinor: 3 * 8900, totalMinor: order.totalMinor, refundedMinor: 0 },
      refundableMinor: order.totalMinor,
      refunds: [],
      version: paidVersion + 1,
    });
    expect(d.paidAt).toBeTruthy();
    expect(d.lines).toHaveLength(2);
    expect(d.lines.find((l: { sizeEu: number }) => l.sizeEu === 38)).toMatchObject({
      quantity: 2,
      unitPriceMinor: 8900,
      lineTotalMinor: 17800,
      sku: stock.product.variant('NUDE', 38).sku,
    });
    const types: string[] = d.timeline.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('order.placed');
    expect(types.indexOf('payment.succeeded')).toBeGreaterThan(0);
    expect(types.slice(-2)).toEqual(['order.picking_started', 'note']);
    const times = d.timeline.map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(d.timeline.at(-1)).toMatchObject({
      message: 'Customer asked for gift wrap',
      actorType: 'staff',
      actorName: 'Test manager',
    });
    expect(d.timeline.at(-2)).toMatchObject({
      actorName: 'Test warehouse',
      data: { from: 'paid', to: 'picking' },
    });
  });

  it('answers 404 ORDER_NOT_FOUND for an unknown order', async () => {
    const res = await detail('0190a000-0000-7000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ORDER_NOT_FOUND');
  });

  it('shows warehouse staff the order without any money field', async () => {
    const order = await paidOrder();
    await t.call('POST', `/admin/orders/${order.id}/refunds`, {
      token: t.tokens.manager,
      body: { amountMinor: 1000, reason: 'Scuffed heel' },
    });
    const res = await detail(order.id, t.tokens.warehouse);
    expect(res.status, res.text).toBe(200);
    const d = res.body;
    expect(d.moneyVisible).toBe(false);
    expect(d.totals).toBeNull();
    expect(d.refundableMinor).toBeNull();
    expect(d.refunds).toBeNull();
    for (const line of d.lines) {
      expect(line.unitPriceMinor).toBeNull();
      expect(line.lineTotalMinor).toBeNull();
      expect(line.discountMinor).toBeNull();
      expect(line.taxMinor).toBeNull();
      expect(line.quantity).toBeGreaterThan(0);
    }
    for (const e of d.timeline) expect(e.data).toBeNull();
    expect(JSON.stringify(d)).not.toMatch(/"(amountMinor|totalMinor|unitPriceMinor)":\d/);
    // The manager sees the same order with money.
    const manager = (await detail(order.id)).body;
    expect(manager.totals.refundedMinor).toBe(1000);
    expect(manager.refunds).toHaveLength(1);
  });

  it('moves a paid order through picking, packing, shipping and delivery, one event and audit row each', async () => {
    const order = await paidOrder();
    let version = (await detail(order.id)).body.version;
    for (const [event, status] of [
      ['start_picking', 'picking'],
      ['pack', 'packed'],
      ['ship', 'shipped'],
      ['deliver', 'delivered'],
    ] as const) {
      const res = await step(order.id, event, { baseVersion: version });
      expect(res.status, res.text).toBe(200);
      expect(res.body.status).toBe(status);
      expect(res.body.version).toBe(version + 1);
      version = res.body.version;
    }
    const d = (await detail(order.id)).body;
    expect(d.timeline.map((e: { type: string }) => e.type).slice(-4)).toEqual([
      'order.picking_started',
      'order.packed',
      'order.shipped',
      'order.delivered',
    ]);
    expect(d.allowedEvents).toEqual([]);
    const audit = await t.call('GET', `/admin/audit-log?entity=order&entityId=${order.id}`, {
      token: t.tokens.owner,
    });
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items.filter((a: { action: string }) => a.action === 'order.transition')).toHaveLength(
      4,
    );
  });

  it('refuses an illegal transition with 409 ILLEGAL_ORDER_TRANSITION and changes nothing', async () => {
    const pending = await createOrderFixture(t, {
      lines: [{ variant: stock.product.variant('NUDE', 37), quantity: 1 }],
    });
    const paid = await paidOrder();
    const paidVersion = (await detail(paid.id)).body.version;
    const before = await tableCounts(t.store);
    const cases = [
      [pending.id, 'start_picking', 'pending_payment'],
      [paid.id, 'ship', 'paid'],
      [paid.id, 'deliver', 'paid'],
      [paid.id, 'pack', 'paid'],
    ] as const;
    for (const [id, event, from] of cases) {
      const res = await step(id, event);
      expect(res.status, `${event} from ${from}`).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('ILLEGAL_ORDER_TRANSITION');
      expect(res.body.details).toEqual({ from, event });
    }
    expect(await tableCounts(t.store)).toEqual(before);
    expect((await detail(paid.id)).body).toMatchObject({ status: 'paid', version: paidVersion });
  });

  it('refuses a stale baseVersion with 409 VERSION_CONFLICT', async () => {
    const order = await paidOrder();
    const { version } = (await detail(order.id)).body;
    expect((await step(order.id, 'start_picking', { baseVersion: version })).status).toBe(200);
    const before = await tableCounts(t.store);
    const stale = await step(order.id, 'pack', { baseVersion: version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.details).toEqual({ currentVersion: version + 1 });
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('lets only one of two concurrent identical steps through', async () => {
    const order = await paidOrder();
    const results = await Promise.all([step(order.id, 'start_picking'), step(order.id, 'start_picking')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const d = (await detail(order.id)).body;
    expect(d.timeline.filter((e: { type: string }) => e.type === 'order.picking_started')).toHaveLength(1);
  });

  it('lets warehouse, manager and owner move orders; an API caller without inventory:adjust gets 403', async () => {
    const order = await paidOrder();
    expect((await step(order.id, 'start_picking', {}, t.tokens.warehouse)).status).toBe(200);
    expect((await step(order.id, 'pack', {}, t.tokens.manager)).status).toBe(200);
    expect((await step(order.id, 'ship', {}, t.tokens.owner)).status).toBe(200);
    const customer = await createCustomer(t);
    expect((await step(order.id, 'deliver', {}, customer.token)).status).toBe(403);
  });

  it('records a note with the staff member, and audits it', async () => {
    const order = await paidOrder();
    const res = await t.call('POST', `/admin/orders/${order.id}/notes`, {
      token: t.tokens.warehouse,
      body: { text: '  Box dented on arrival  ' },
    });
    expect(res.status, res.text).toBe(201);
    const note = res.body.timeline.at(-1);
    expect(note).toMatchObject({
      type: 'note',
      message: 'Box dented on arrival',
      actorName: 'Test warehouse',
    });
    const audit = await t.call('GET', `/admin/audit-log?entity=order&entityId=${order.id}`, {
      token: t.tokens.owner,
    });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('order.note');
  });

  it('refuses bad input at every admin order route with 4xx problem+json and writes nothing', async () => {
    const order = await paidOrder();
    const unknown = '0190a000-0000-7000-8000-000000000000';
    const before = await tableCounts(t.store);
    const cases: Array<[string, string, unknown, number, string]> = [
      ['GET', '/admin/orders/not-a-uuid', undefined, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${order.id}/transition`, { event: 'pay' }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${order.id}/transition`, { event: 'cancel' }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${order.id}/transition`, {}, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${order.id}/transition`, { event: 'pack', extra: 1 }, 400, 'VALIDATION_FAILED'],
      [
        'POST',
        `/admin/orders/${order.id}/transition`,
        { event: 'pack', baseVersion: -1 },
        400,
        'VALIDATION_FAILED',
      ],
      ['POST', `/admin/orders/${unknown}/transition`, { event: 'pack' }, 404, 'ORDER_NOT_FOUND'],
      ['POST', '/admin/orders/nope/transition', { event: 'pack' }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${order.id}/notes`, { text: '' }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${order.id}/notes`, { text: '   ' }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${order.id}/notes`, { text: 'x'.repeat(2001) }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${order.id}/notes`, { note: 'hi' }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${unknown}/notes`, { text: 'hi' }, 404, 'ORDER_NOT_FOUND'],
      ['POST', `/admin/orders/${order.id}/cancel`, {}, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${order.id}/cancel`, { reason: '' }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${order.id}/cancel`, { reason: 'x'.repeat(201) }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${unknown}/cancel`, { reason: 'Duplicate' }, 404, 'ORDER_NOT_FOUND'],
      [
        'POST',
        `/admin/orders/${order.id}/refunds`,
        { amountMinor: 0, reason: 'r' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'POST',
        `/admin/orders/${order.id}/refunds`,
        { amountMinor: -5, reason: 'r' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'POST',
        `/admin/orders/${order.id}/refunds`,
        { amountMinor: 10.5, reason: 'r' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'POST',
        `/admin/orders/${order.id}/refunds`,
        { amountMinor: '100', reason: 'r' },
        400,
        'VALIDATION_FAILED',
      ],
      ['POST', `/admin/orders/${order.id}/refunds`, { amountMinor: 100 }, 400, 'VALIDATION_FAILED'],
      ['POST', `/admin/orders/${unknown}/refunds`, { amountMinor: 100, reason: 'r' }, 404, 'ORDER_NOT_FOUND'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await t.call(method, path, { token: t.tokens.owner, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}: ${res.text}`).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe(code);
    }
    // Warehouse staff may not cancel or refund.
    for (const path of [`/admin/orders/${order.id}/cancel`, `/admin/orders/${order.id}/refunds`]) {
      const res = await t.call('POST', path, {
        token: t.tokens.warehouse,
        body: { reason: 'Damaged', amountMinor: 100 },
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('PERMISSION_DENIED');
    }
    expect(await tableCounts(t.store)).toEqual(before);
  });
});
