import { isShoeboxApiError } from '@shoebox/shared/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductFixture, type ProductFixture } from '../../test-support/catalog-fixtures.ts';
import { flowsOf } from '../../test-support/checkout-fixtures.ts';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import { createCustomer } from '../../test-support/order-fixtures.ts';

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isShoeboxApiError(e)) return `${e.status} ${e.code}`;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe(`back-in-stock sign-ups (${testDialect})`, () => {
  let t: TestApp;
  let flows: ReturnType<typeof flowsOf>;
  let product: ProductFixture;
  let locationId: string;

  const admin = () => t.client(t.tokens.owner).admin;
  const receive = (variantId: string, quantity: number) =>
    admin().inventory.receive({ locationId, lines: [{ variantId, quantity }] });

  /** Outbox messages of the topic, with their recipients. */
  async function queued() {
    const o = t.store.t.outbox;
    const rows = await t.store.db.select().from(o).where(eq(o.topic, 'mail.back_in_stock'));
    return rows.map((r) => (r.payload as { to: string; sizeEu: number }).to).sort();
  }

  beforeAll(async () => {
    t = await startTestApp();
    flows = flowsOf(t);
    product = await createProductFixture(t, { colours: ['NUDE'], sizes: [38, 39, 40] });
    locationId = (await admin().stockLocations.create({ code: 'BIS1', name: 'Back in stock' })).id;
  });
  afterAll(async () => {
    await flows?.close();
    await t?.close();
  });

  it('mails each sign-up once when a receive brings the size back, and never again', async () => {
    const size38 = product.variant('NUDE', 38);
    const ana = await createCustomer(t, 'Ana Adams');
    const shop = t.client().store;
    expect(await shop.backInStock.signUp({ sku: size38.sku, email: 'Guest@Example.com' })).toEqual({
      sku: size38.sku,
      email: 'guest@example.com',
      status: 'pending',
    });
    // Signing up twice (any spelling of the address, a lower-case SKU) is still one sign-up.
    await shop.backInStock.signUp({ sku: size38.sku.toLowerCase(), email: 'guest@example.com' });
    // A signed-in shopper need not type an address.
    expect((await t.client(ana.token).store.backInStock.signUp({ sku: size38.sku })).email).toBe(ana.email);
    expect(await queued()).toEqual([]);

    await receive(size38.id, 2);
    expect(await queued()).toEqual([ana.email, 'guest@example.com'].sort());
    // More stock of a size already in stock mails nobody again.
    await receive(size38.id, 3);
    expect(await queued()).toHaveLength(2);

    const report = await flows.services.notifications.drain();
    expect(report.sent).toBeGreaterThanOrEqual(2);
    const mail = await t.call('GET', '/admin/mail?topic=mail.back_in_stock&to=guest@example.com', {
      token: t.tokens.owner,
    });
    expect(mail.status).toBe(200);
    expect(mail.body.items).toHaveLength(1);
    expect(mail.body.items[0].subject).toMatch(/^Back in stock: .* in EU 38/);
  });

  it('mails only on a receive or return-restock from 0 available: not on an adjust, not on a top-up', async () => {
    const size39 = product.variant('NUDE', 39);
    await t.client().store.backInStock.signUp({ sku: size39.sku, email: 'found@example.com' });
    await admin().inventory.adjust({ locationId, variantId: size39.id, delta: 1, reason: 'found' });
    expect(await queued()).not.toContain('found@example.com');
    // Available is already 1: a receive now is not a "back in stock" moment.
    await receive(size39.id, 1);
    expect(await queued()).not.toContain('found@example.com');
  });

  it('stops an alert with the token from the mail, and refuses unknown sizes and guests without an address', async () => {
    const size40 = product.variant('NUDE', 40);
    const shop = t.client().store;
    await shop.backInStock.signUp({ sku: size40.sku, email: 'stop@example.com' });
    await shop.backInStock.signUp({ sku: size40.sku, email: 'keep@example.com' });
    const b = t.store.t.backInStockRequests;
    const [row] = await t.store.db.select().from(b).where(eq(b.email, 'stop@example.com'));
    await shop.backInStock.stop(row!.token);
    // Stopping twice, or with a made-up token, changes nothing and says nothing.
    await shop.backInStock.stop(row!.token);
    await receive(size40.id, 1);
    const to = await queued();
    expect(to).toContain('keep@example.com');
    expect(to).not.toContain('stop@example.com');

    expect(await refusal(shop.backInStock.signUp({ sku: 'NOPE-NUDE-38', email: 'a@example.com' }))).toBe(
      '404 VARIANT_NOT_FOUND',
    );
    expect(await refusal(shop.backInStock.signUp({ sku: size40.sku }))).toBe('422 EMAIL_REQUIRED');
  });
});
