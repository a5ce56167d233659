import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import {
  createCustomer,
  createOrderFixture,
  type OrderStockFixture,
} from '../../test-support/order-fixtures.ts';
import { useAdminOrderApp } from '../../test-support/orders-admin-fixtures.ts';

// Status transitions: the fulfilment path, illegal steps, stale versions, races and roles.
describe(`admin order transitions (${testDialect})`, () => {
  const { seed, paidOrder, detail, step } = useAdminOrderApp();
  let t: TestApp;
  let stock: OrderStockFixture;
  beforeAll(() => {
    t = seed.t;
    stock = seed.stock;
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
});
