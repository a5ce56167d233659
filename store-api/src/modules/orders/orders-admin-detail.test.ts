import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import type { OrderStockFixture } from '../../test-support/order-fixtures.ts';
import { useAdminOrderApp } from '../../test-support/orders-admin-fixtures.ts';

// Order detail as staff see it, notes, and bad input at every admin order route.
describe(`admin order detail and notes (${testDialect})`, () => {
  const { seed, paidOrder, detail, step } = useAdminOrderApp();
  let t: TestApp;
  let stock: OrderStockFixture;
  beforeAll(() => {
    t = seed.t;
    stock = seed.stock;
  });

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
