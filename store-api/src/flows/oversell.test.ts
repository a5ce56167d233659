import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductFixture } from '../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp } from '../test-support/harness.ts';
import { receive, shopper, sumLevels } from '../test-support/checkout-fixtures.ts';

describe('oversell: 200 concurrent checkouts for 10 units over 5 variants', () => {
  let t: TestApp;
  let variantIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const product = await createProductFixture(t, { colours: ['NUDE'], sizes: [36, 37, 38, 39, 40] });
    variantIds = product.variants.map((v) => v.id);
    for (const id of variantIds) await receive(t, id, 2);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sells exactly the units there are, refuses the rest with INSUFFICIENT_STOCK and leaks no reservation', async () => {
    const shoppers: Array<Awaited<ReturnType<typeof shopper>>> = [];
    for (let i = 0; i < 200; i += 25) {
      shoppers.push(
        ...(await Promise.all(
          Array.from({ length: 25 }, (_, j) =>
            shopper(t, [{ variantId: variantIds[(i + j) % 5]!, quantity: 1 }], {
              email: `s${i + j}@example.ie`,
            }),
          ),
        )),
      );
    }
    const results = await Promise.all(shoppers.map((s) => s.checkout()));
    const placed = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(190);
    for (const r of refused) {
      expect(r.status).toBe(422);
      expect(r.headers.get('content-type')).toMatch(/problem\+json/);
      expect(r.body.code).toBe('INSUFFICIENT_STOCK');
    }
    let levels = await sumLevels(t, variantIds);
    expect(levels).toEqual({ onHand: 10, reserved: 10, negative: 0 });
    const [orders] = await t.store.rows<{ n: number }>(sql`select count(*) as n from orders`);
    expect(Number(orders!.n)).toBe(10);

    // Pay half of them with the demo card; the rest keep their reservation.
    const paid = await Promise.all(
      placed.slice(0, 5).map((r, i) =>
        t
          .call('POST', '/store/checkout/demo-pay', {
            body: {
              orderNumber: r.body.orderNumber,
              email: `s${emailIndex(results, r)}@example.ie`,
              cardNumber: '4242424242424242',
            },
          })
          .then((res) => ({ i, res })),
      ),
    );
    for (const { res } of paid) expect(res.body).toMatchObject({ status: 'paid' });

    levels = await sumLevels(t, variantIds);
    expect(levels).toEqual({ onHand: 5, reserved: 5, negative: 0 });
    const [held] = await t.store.rows<{ n: number | null }>(
      sql`select sum(l.quantity) as n from order_lines l join orders o on o.id = l.order_id where o.stock_state = 'reserved'`,
    );
    expect(Number(held!.n)).toBe(levels.reserved);
    const [sold] = await t.store.rows<{ n: number | null }>(
      sql`select sum(quantity) as n from stock_movements where kind = 'sell'`,
    );
    expect(Number(sold!.n)).toBe(10 - levels.onHand);
  });
});

const emailIndex = (all: Array<{ body: { orderNumber?: string } }>, r: { body: { orderNumber?: string } }) =>
  all.findIndex((x) => x.body.orderNumber === r.body.orderNumber);
