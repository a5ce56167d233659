/**
 * Issue 19: paying one order five times at once answered an undocumented
 * 409 PAYMENT_INTENT_UNEXPECTED_STATE on MariaDB. Every answer must be a code the route documents
 * (the harness checks each answer against the OpenAPI document and throws otherwise).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receive, shopper } from '../../test-support/checkout-fixtures.ts';
import { createProductFixture, type ProductFixture } from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';

describe(`concurrent demo payments of one order (${testDialect})`, () => {
  let t: TestApp;
  let product: ProductFixture;
  beforeAll(async () => {
    t = await startTestApp();
    product = await createProductFixture(t, { colours: ['BLACK'], sizes: [38] });
    await receive(t, product.variant('BLACK', 38).id, 50);
  });
  afterAll(() => t.close());

  it('answers one payment and documented refusals only, five at once, several rounds', async () => {
    for (let round = 0; round < 4; round++) {
      const s = await shopper(t, [{ variantId: product.variant('BLACK', 38).id, quantity: 1 }]);
      const placed = await s.checkout();
      expect(placed.status).toBe(201);
      const body = {
        orderNumber: placed.body.orderNumber,
        email: 'aoife@example.ie',
        cardNumber: '4242424242424242',
      };
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => t.call('POST', '/store/checkout/demo-pay', { body })),
      );
      const paid = answers.filter((a) => a.status === 200);
      expect(paid).toHaveLength(1);
      expect(paid[0]!.body).toMatchObject({ outcome: 'payment.succeeded', status: 'paid' });
      for (const refused of answers.filter((a) => a.status !== 200)) {
        expect(refused.status).toBe(409);
        expect(refused.body.code).toBe('ORDER_NOT_PAYABLE');
      }
      const order = await t.call('GET', `/admin/orders/${placed.body.orderId}`, { token: t.tokens.owner });
      expect(order.body.status).toBe('paid');
    }
  });
});
