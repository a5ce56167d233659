/**
 * Setup of the returns tests: one app wired to a fake Stripe, and helpers that place a paid
 * order as a signed-in customer and walk it to shipped (or delivered) through the order desk.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { type FakeStripe, startFakeStripe } from '../../test-support/fake-stripe.ts';
import { startTestApp, type TestApp } from '../../test-support/harness.ts';
import {
  createCustomer,
  createOrderFixture,
  type OrderFixtureLine,
} from '../../test-support/order-fixtures.ts';

const SECRET = 'whsec_returns';

export interface ReturnsSeed {
  fake: FakeStripe;
  t: TestApp;
}

export function useReturnsApp() {
  const seed = {} as ReturnsSeed;
  beforeAll(async () => {
    seed.fake = await startFakeStripe({ webhookSecret: SECRET });
    seed.t = await startTestApp({
      STRIPE_SECRET_KEY: 'sk_test_returns',
      STRIPE_WEBHOOK_SECRET: SECRET,
      STRIPE_API_BASE: seed.fake.baseUrl,
    });
    seed.fake.webhookUrl = `${seed.t.baseUrl}/webhooks/stripe`;
    seed.fake.webhookFetch = seed.t.fetch;
  });
  afterAll(async () => {
    await seed.t?.close();
    await seed.fake?.close();
  });

  const step = async (id: string, event: string) => {
    const res = await seed.t.call('POST', `/admin/orders/${id}/transition`, {
      token: seed.t.tokens.warehouse,
      body: { event },
    });
    expect(res.status, res.text).toBe(200);
  };

  /** A customer's paid order, picked, packed and shipped (and delivered with `delivered`). */
  const shippedOrder = async (lines: OrderFixtureLine[], opts: { delivered?: boolean } = {}) => {
    const customer = await createCustomer(seed.t);
    const order = await createOrderFixture(seed.t, { lines, paid: true, stripe: seed.fake, customer });
    for (const e of ['start_picking', 'pack', 'ship', ...(opts.delivered ? ['deliver'] : [])])
      await step(order.id, e);
    const orderLines = await seed.t.store.db
      .select()
      .from(seed.t.store.t.orderLines)
      .where(eq(seed.t.store.t.orderLines.orderId, order.id));
    return { order, customer, lines: orderLines };
  };

  /** Moves the order's shipment and delivery back in time (the return window counts from them). */
  const backdateShipment = async (orderId: string, days: number) => {
    const e = seed.t.store.t.orderEvents;
    for (const type of ['order.shipped', 'order.delivered'])
      await seed.t.store.tx((tx) =>
        tx
          .update(e)
          .set({ createdAt: Date.now() - days * 86_400_000 })
          .where(and(eq(e.orderId, orderId), eq(e.type, type))),
      );
  };

  const level = async (variantId: string, locationId: string) => {
    const res = await seed.t.call(
      'GET',
      `/admin/inventory/levels?variantId=${variantId}&locationId=${locationId}`,
      {
        token: seed.t.tokens.owner,
      },
    );
    expect(res.status, res.text).toBe(200);
    const row = res.body.items[0];
    return { onHand: row.onHand as number, reserved: row.reserved as number };
  };

  return { seed, shippedOrder, backdateShipment, level };
}
