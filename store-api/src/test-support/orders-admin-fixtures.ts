/**
 * Setup shared by the admin order test files (orders-admin-*.test.ts). The list file starts its
 * own app with `stripeEnv`; the detail and transition files call `useAdminOrderApp()` inside their
 * describe block, so each gets one app of its own (beforeAll/afterAll) wired to a fake Stripe, with
 * stock in sizes 37 and 38, plus the request helpers their tests use.
 */
import { afterAll, beforeAll } from 'vitest';
import { type FakeStripe, startFakeStripe } from './fake-stripe.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { createOrderFixture, createOrderStock, type OrderStockFixture } from './order-fixtures.ts';

export const SECRET = 'whsec_orders_admin';
export const stripeEnv = (fake: FakeStripe) => ({
  STRIPE_SECRET_KEY: 'sk_test_orders',
  STRIPE_WEBHOOK_SECRET: SECRET,
  STRIPE_API_BASE: fake.baseUrl,
});

/** Filled in by the beforeAll hook of `useAdminOrderApp`; read it only inside tests and hooks. */
export interface AdminOrderSeed {
  fake: FakeStripe;
  t: TestApp;
  stock: OrderStockFixture;
}

export function useAdminOrderApp() {
  const seed = {} as AdminOrderSeed;

  beforeAll(async () => {
    seed.fake = await startFakeStripe({ webhookSecret: SECRET });
    seed.t = await startTestApp(stripeEnv(seed.fake));
    seed.fake.webhookUrl = `${seed.t.baseUrl}/webhooks/stripe`;
    seed.fake.webhookFetch = seed.t.fetch;
    seed.stock = await createOrderStock(seed.t, { sizes: [37, 38], quantity: 200 });
  });
  afterAll(async () => {
    await seed.t?.close();
    await seed.fake?.close();
  });

  const paidOrder = () =>
    createOrderFixture(seed.t, {
      lines: [
        { variant: seed.stock.product.variant('NUDE', 37), quantity: 1 },
        { variant: seed.stock.product.variant('NUDE', 38), quantity: 2 },
      ],
      paid: true,
      stripe: seed.fake,
    });
  const detail = (id: string, token = seed.t.tokens.manager) =>
    seed.t.call('GET', `/admin/orders/${id}`, { token });
  const step = (
    id: string,
    event: string,
    extra: Record<string, unknown> = {},
    token = seed.t.tokens.warehouse,
  ) => seed.t.call('POST', `/admin/orders/${id}/transition`, { token, body: { event, ...extra } });

  return { seed, paidOrder, detail, step };
}
