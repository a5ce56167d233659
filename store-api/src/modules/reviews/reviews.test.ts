import { isShoeboxApiError } from '@shoebox/shared/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from '../../test-support/fake-stripe.ts';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import {
  createCustomer,
  createOrderFixture,
  createOrderStock,
  type OrderStockFixture,
} from '../../test-support/order-fixtures.ts';

const SECRET = 'whsec_reviews';

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isShoeboxApiError(e)) return `${e.status} ${e.code}: ${e.message}`;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe(`product reviews (${testDialect})`, () => {
  let fake: FakeStripe;
  let t: TestApp;
  let stock: OrderStockFixture;
  let slug: string;

  /** A shopper with a paid order of the fixture product. */
  async function buyer(name: string) {
    const shopper = await createCustomer(t, name);
    await createOrderFixture(t, {
      customer: shopper,
      lines: [{ variant: stock.product.variant('NUDE', 38), quantity: 1 }],
      paid: true,
      stripe: fake,
    });
    return shopper;
  }

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: SECRET });
    t = await startTestApp({
      STRIPE_SECRET_KEY: 'sk_test_reviews',
      STRIPE_WEBHOOK_SECRET: SECRET,
      STRIPE_API_BASE: fake.baseUrl,
      REVIEW_BANNED_WORDS: 'rubbish, scam',
    });
    fake.webhookUrl = `${t.baseUrl}/webhooks/stripe`;
    fake.webhookFetch = t.fetch;
    stock = await createOrderStock(t, { sizes: [38, 39], quantity: 50 });
    slug = (await t.client(t.tokens.owner).admin.products.get(stock.product.id)).slug;
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('takes reviews only from buyers with a paid order, one each, and sums them up', async () => {
    const browser = await createCustomer(t, 'Bea Browser');
    expect(
      await refusal(
        t.client(browser.token).store.products.review(slug, { rating: 5, fit: 'true', text: 'Lovely' }),
      ),
    ).toBe(
      '422 REVIEW_NOT_A_BUYER: You can review shoes you bought: this product is not in any of your paid orders yet.',
    );

    // An order still waiting for payment does not make a buyer.
    const waiting = await createCustomer(t, 'Wanda Waiting');
    await createOrderFixture(t, {
      customer: waiting,
      lines: [{ variant: stock.product.variant('NUDE', 39), quantity: 1 }],
    });
    expect(
      await refusal(
        t.client(waiting.token).store.products.review(slug, { rating: 4, fit: 'small', text: 'Nice' }),
      ),
    ).toMatch(/^422 REVIEW_NOT_A_BUYER/);

    const ana = await buyer('Ana Adams');
    const posted = await t.client(ana.token).store.products.review(slug, {
      rating: 4,
      fit: 'small',
      text: 'Beautiful shoe, but order half a size up.',
    });
    expect(posted.status).toBe('published');
    expect(
      await refusal(
        t.client(ana.token).store.products.review(slug, { rating: 1, fit: 'large', text: 'Changed my mind' }),
      ),
    ).toBe('409 REVIEW_ALREADY_EXISTS: You already reviewed this product.');

    for (const [name, rating, fit] of [
      ['Cleo Carter', 5, 'small'],
      ['Dora Diaz', 3, 'true'],
    ] as const) {
      const shopper = await buyer(name);
      await t
        .client(shopper.token)
        .store.products.review(slug, { rating, fit, text: `Fits ${fit}, ${rating} stars` });
    }
    const page = await t.client().store.products.reviews(slug);
    expect(page.summary).toEqual({
      count: 3,
      averageRating: 4,
      fit: { small: 2, true: 1, large: 0 },
      // Two of three is not a clear majority.
      fitVerdict: null,
    });
    expect(page.items).toHaveLength(3);
    expect(page.items.find((r) => r.id === posted.id)).toMatchObject({
      author: 'Ana',
      rating: 4,
      fit: 'small',
    });

    const eve = await buyer('Eve Evans');
    await t
      .client(eve.token)
      .store.products.review(slug, { rating: 5, fit: 'small', text: 'Runs small indeed' });
    const after = await t.client().store.products.reviews(slug, { pageSize: 2 });
    expect(after.summary.fitVerdict).toBe('Most say it runs small');
    expect(after.summary.averageRating).toBe(4.3);
    expect(after.items.map((r) => r.author)).toEqual(['Eve', expect.any(String)]);
    expect(after.total).toBe(4);
  });

  it('holds reviews with links or banned words until a manager approves (audited); warehouse may not moderate', async () => {
    const fay = await buyer('Fay Fox');
    const gia = await buyer('Gia Green');
    const linked = await t.client(fay.token).store.products.review(slug, {
      rating: 5,
      fit: 'true',
      text: 'Cheaper at www.example-shoes.com',
    });
    const rude = await t.client(gia.token).store.products.review(slug, {
      rating: 1,
      fit: 'large',
      text: 'Total RUBBISH, do not buy',
    });
    expect([linked.status, rude.status]).toEqual(['held', 'held']);
    const publicIds = async () =>
      (await t.client().store.products.reviews(slug, { pageSize: 50 })).items.map((r) => r.id);
    expect(await publicIds()).not.toContain(linked.id);

    const admin = t.client(t.tokens.manager).admin;
    const queue = await admin.reviews.list({ status: 'held' });
    expect(queue.items.map((r) => [r.id, r.heldReason])).toEqual(
      expect.arrayContaining([
        [linked.id, 'link'],
        [rude.id, 'banned_word'],
      ]),
    );
    expect(await refusal(t.client(t.tokens.warehouse).admin.reviews.approve(linked.id))).toMatch(
      /^403 PERMISSION_DENIED/,
    );

    expect((await admin.reviews.approve(linked.id)).status).toBe('published');
    expect((await admin.reviews.reject(rude.id)).status).toBe('rejected');
    const ids = await publicIds();
    expect(ids).toContain(linked.id);
    expect(ids).not.toContain(rude.id);
    expect((await admin.reviews.list({ status: 'held' })).items.map((r) => r.id)).not.toContain(linked.id);

    const audit = await t.client(t.tokens.owner).admin.auditLog({ entity: 'review', entityId: linked.id });
    expect(audit.items.map((a) => [a.action, a.before, a.after])).toEqual([
      ['review.approve', { status: 'held' }, { status: 'published' }],
    ]);
  });

  it("erasing a shopper's account deletes their reviews and back-in-stock sign-ups", async () => {
    const hana = await buyer('Hana Hill');
    const review = await t
      .client(hana.token)
      .store.products.review(slug, { rating: 2, fit: 'large', text: 'Slipped at the heel' });
    await t.client(hana.token).store.backInStock.signUp({ sku: stock.product.variant('NUDE', 39).sku });
    const signUps = async () => {
      const b = t.store.t.backInStockRequests;
      return t.store.db.select({ id: b.id }).from(b).where(eq(b.email, hana.email));
    };
    expect(await signUps()).toHaveLength(1);

    await t.client(hana.token).store.account.erase({ password: 'shopper-pass-123' });
    const ids = (await t.client().store.products.reviews(slug, { pageSize: 50 })).items.map((r) => r.id);
    expect(ids).not.toContain(review.id);
    expect(await signUps()).toHaveLength(0);
    const audit = await t.client(t.tokens.owner).admin.auditLog({ entity: 'customer', entityId: hana.id });
    expect(audit.items[0]?.after).toMatchObject({ erased: true, reviewsDeleted: 1 });
  });

  it('answers 404 for an unknown product and 401 for a guest posting', async () => {
    expect(await refusal(t.client().store.products.reviews('no-such-shoe'))).toMatch(
      /^404 PRODUCT_NOT_FOUND/,
    );
    expect(
      await refusal(t.client().store.products.review(slug, { rating: 5, fit: 'true', text: 'Great shoes' })),
    ).toMatch(/^401 /);
  });
});
