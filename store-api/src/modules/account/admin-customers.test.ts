import { isShoeboxApiError } from '@shoebox/shared/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import {
  createCustomer,
  createOrderFixture,
  createOrderStock,
  fixtureAddress,
  type OrderStockFixture,
} from '../../test-support/order-fixtures.ts';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isShoeboxApiError(e)) return `${e.status} ${e.code}`;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe(`admin customers: search and detail for customer service (${testDialect})`, () => {
  let t: TestApp;
  let stock: OrderStockFixture;
  // A name no other test in this app uses, so searches count only this test's customers.
  const tag = `Zephyrine${process.pid}`;

  beforeAll(async () => {
    t = await startTestApp();
    stock = await createOrderStock(t, { sizes: [38, 39], quantity: 20 });
  });
  afterAll(() => t.close());

  it('finds customers by part of the name in any case, or by email, newest first and paged', async () => {
    const ana = await createCustomer(t, `Ana ${tag}`);
    const bea = await createCustomer(t, `Bea ${tag}`);
    const admin = t.client(t.tokens.manager).admin.customers;
    const all = await admin.list({ q: tag.toUpperCase() });
    expect(all.items.map((c) => c.id)).toEqual([bea.id, ana.id]);
    expect(all.total).toBe(2);
    const second = await admin.list({ q: tag, pageSize: 1, page: 2 });
    expect(second.items.map((c) => c.id)).toEqual([ana.id]);
    expect(second.total).toBe(2);
    const byEmail = await admin.list({ q: ana.email.slice(0, 20).toUpperCase() });
    expect(byEmail.items.map((c) => c.id)).toContain(ana.id);
    expect(byEmail.items.every((c) => c.erased === false)).toBe(true);
    // Wildcards typed by a person are letters: nobody's name or email has a % in it.
    expect((await admin.list({ q: `${tag}%` })).total).toBe(0);
    expect(
      (await admin.list({ q: '_' })).items.every((c) => c.name.includes('_') || c.email.includes('_')),
    ).toBe(true);
  });

  it('shows one customer with saved size, addresses and orders; money only to roles that refund', async () => {
    const cid = await createCustomer(t, `Carla ${tag}`);
    const shop = t.client(cid.token).store.account;
    await shop.setSavedSize({ sizeEu: 38.5 });
    await shop.addAddress({ ...fixtureAddress('Carla'), label: 'Home' });
    const order = await createOrderFixture(t, {
      lines: [{ variant: stock.variants[0]!, quantity: 1 }],
      customer: { token: cid.token },
    });
    const asManager = await t.client(t.tokens.manager).admin.customers.get(cid.id);
    expect(asManager).toMatchObject({
      id: cid.id,
      email: cid.email,
      name: `Carla ${tag}`,
      erased: false,
      savedSizeEu: 38.5,
      orderCount: 1,
      moneyVisible: true,
    });
    expect(asManager.addresses.map((a) => a.label)).toEqual(['Home']);
    expect(asManager.orders.map((o) => o.number)).toEqual([order.number]);
    expect(asManager.orders[0]?.totalMinor).toBeGreaterThan(0);
  });

  it('marks an erased customer and keeps their anonymised orders findable', async () => {
    const dora = await createCustomer(t, `Dora ${tag}`);
    await createOrderFixture(t, {
      lines: [{ variant: stock.variants[1]!, quantity: 1 }],
      customer: { token: dora.token },
    });
    await t.client(dora.token).store.account.erase({ password: 'shopper-pass-123' });
    const admin = t.client(t.tokens.owner).admin.customers;
    expect((await admin.list({ q: `Dora ${tag}` })).total).toBe(0);
    const erased = await admin.get(dora.id);
    expect(erased.erased).toBe(true);
    expect(erased.email).not.toContain(dora.email);
    expect(erased.name).not.toContain('Dora');
    expect(erased.orderCount).toBe(1);
  });

  it('refuses the warehouse, and says so plainly for an unknown customer', async () => {
    const someone = await createCustomer(t, `Eva ${tag}`);
    expect(await codeOf(t.client(t.tokens.warehouse).admin.customers.list())).toMatch(/^403 /);
    expect(await codeOf(t.client(t.tokens.warehouse).admin.customers.get(someone.id))).toMatch(/^403 /);
    expect(await codeOf(t.client().admin.customers.list())).toMatch(/^401 /);
    expect(
      await codeOf(t.client(t.tokens.manager).admin.customers.get('0193a1b2-0000-7000-8000-000000000000')),
    ).toBe('404 CUSTOMER_NOT_FOUND');
  });
});
