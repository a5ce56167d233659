/**
 * Setup for the fulfillment tests: an app in Stripe mode (paid orders through signed webhooks)
 * with a fake ParcelHub configured, one style in sizes 37-39 received into bins (37 in A-01-1,
 * 38 in B-02-1, 39 on no bin), every variant with its GTIN, and request helpers.
 */
import { gtinCheckDigit } from '@shoebox/shared';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { type FakeParcelHub, startFakeParcelHub } from './fake-parcelhub.ts';
import { type FakeStripe, startFakeStripe } from './fake-stripe.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { createOrderFixture, createOrderStock, type OrderStockFixture } from './order-fixtures.ts';

const SECRET = 'whsec_fulfillment';

export interface FulfillmentSeed {
  t: TestApp;
  stripe: FakeStripe;
  parcelhub: FakeParcelHub;
  stock: OrderStockFixture;
  /** EU size -> variant id, GTIN and weight. */
  size: Record<number, { id: string; gtin: string; weightGrams: number }>;
}

export function useFulfillmentApp() {
  const seed = {} as FulfillmentSeed;
  beforeAll(async () => {
    seed.stripe = await startFakeStripe({ webhookSecret: SECRET });
    seed.parcelhub = await startFakeParcelHub();
    seed.t = await startTestApp({
      STRIPE_SECRET_KEY: 'sk_test_fulfillment',
      STRIPE_WEBHOOK_SECRET: SECRET,
      STRIPE_API_BASE: seed.stripe.baseUrl,
      PARCELHUB_API_KEY: seed.parcelhub.apiKey,
      PARCELHUB_API_BASE: seed.parcelhub.baseUrl,
    });
    seed.stripe.webhookUrl = `${seed.t.baseUrl}/webhooks/stripe`;
    seed.stripe.webhookFetch = seed.t.fetch;
    const t = seed.t;
    seed.stock = await createOrderStock(t, { sizes: [37, 38, 39], quantity: 1 }); // 49 more of each go into bins below
    const admin = t.client(t.tokens.owner).admin;
    const binA = await admin.stockLocations.createBin(seed.stock.locationId, { code: 'A-01-1' });
    const binB = await admin.stockLocations.createBin(seed.stock.locationId, { code: 'B-02-1' });
    const v = (eu: number) => seed.stock.product.variant('NUDE', eu);
    await admin.inventory.receive({
      locationId: seed.stock.locationId,
      lines: [
        { variantId: v(37).id, quantity: 49, binId: binA.id },
        { variantId: v(38).id, quantity: 49, binId: binB.id },
        { variantId: v(39).id, quantity: 49 },
      ],
    });
    // Restricted-circulation EAN-13s (prefix 2), unique per run: the pack station scans them.
    for (const eu of [37, 38, 39]) {
      const body = `2${String(process.pid % 100_000).padStart(5, '0')}${String(Date.now() % 100_000).padStart(5, '0')}${eu - 37}`;
      await admin.variants.update(v(eu).id, { gtin: `${body}${gtinCheckDigit(body)}` });
    }
    const vt = t.store.t.variants;
    const rows = await t.store.db
      .select({ id: vt.id, gtin: vt.gtin, weightGrams: vt.weightGrams, sizeEuTenths: vt.sizeEuTenths })
      .from(vt)
      .where(inArray(vt.id, [v(37).id, v(38).id, v(39).id]));
    seed.size = {};
    for (const r of rows) {
      if (!r.gtin) throw new Error('fixture: the variant lost its GTIN');
      seed.size[r.sizeEuTenths / 10] = { id: r.id, gtin: r.gtin, weightGrams: r.weightGrams };
    }
  });
  afterAll(async () => {
    await seed.t?.close();
    await seed.stripe?.close();
    await seed.parcelhub?.close();
  });

  /** A paid order of these sizes x quantities, shipped to `name`. */
  const paidOrder = (lines: Array<[size: number, quantity: number]>, name = 'Zofia Wójcik') =>
    createOrderFixture(seed.t, {
      lines: lines.map(([eu, quantity]) => ({ variant: seed.stock.product.variant('NUDE', eu), quantity })),
      paid: true,
      stripe: seed.stripe,
      name,
    });

  const as = (token?: string) => ({ token: token ?? seed.t.tokens.warehouse });
  const post = (path: string, body: unknown, token?: string) =>
    seed.t.call('POST', path, { ...as(token), body });
  const get = (path: string, token?: string) => seed.t.call('GET', path, as(token));

  async function orderRow(id: string) {
    const o = seed.t.store.t.orders;
    const [row] = await seed.t.store.db.select().from(o).where(eq(o.id, id));
    return row;
  }

  async function timeline(id: string): Promise<string[]> {
    const e = seed.t.store.t.orderEvents;
    const rows = await seed.t.store.db
      .select({ type: e.type, at: e.createdAt, id: e.id })
      .from(e)
      .where(eq(e.orderId, id));
    return rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).map((r) => r.type);
  }

  async function level(eu: number) {
    const l = seed.t.store.t.stockLevels;
    const [row] = await seed.t.store.db.select().from(l).where(eq(l.variantId, seed.size[eu]!.id));
    return { onHand: row?.onHand ?? 0, reserved: row?.reserved ?? 0 };
  }

  async function movements(eu: number) {
    const m = seed.t.store.t.stockMovements;
    return seed.t.store.db.select().from(m).where(eq(m.variantId, seed.size[eu]!.id));
  }

  /** Batch -> confirm every line -> pack with every scan: the order ends up packed. */
  async function packed(lines: Array<[number, number]>, name?: string) {
    const order = await paidOrder(lines, name);
    const batch = await post('/admin/pick-batches', { orderIds: [order.id] });
    if (batch.status !== 201) throw new Error(`fixture: batch ${batch.status} ${batch.text}`);
    for (const g of batch.body.groups)
      for (const l of g.lines) await post(`/admin/pick-batches/${batch.body.id}/lines/${l.id}/confirm`, {});
    const scans = lines.flatMap(([eu, q]) => Array.from({ length: q }, () => seed.size[eu]!.gtin));
    const pack = await post(`/admin/orders/${order.id}/pack`, { scans, boxCode: 'L4' });
    if (pack.status !== 200) throw new Error(`fixture: pack ${pack.status} ${pack.text}`);
    return order;
  }

  return { seed, paidOrder, post, get, orderRow, timeline, level, movements, packed };
}
