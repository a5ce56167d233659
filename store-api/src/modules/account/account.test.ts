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

const PASSWORD = 'shopper-pass-123';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isShoeboxApiError(e)) return `${e.status} ${e.code}`;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe(`customer account: saved size, addresses, wishlist (${testDialect})`, () => {
  let t: TestApp;
  let stock: OrderStockFixture;
  let slug: string;

  beforeAll(async () => {
    t = await startTestApp();
    stock = await createOrderStock(t, { sizes: [38, 39], quantity: 20 });
    slug = (await t.client(t.tokens.owner).admin.products.get(stock.product.id)).slug;
  });
  afterAll(() => t.close());

  it('saves a half size, refuses an impossible one without changing it, and clears it', async () => {
    const ana = await createCustomer(t, 'Ana');
    const account = t.client(ana.token).store.account;
    expect((await account.get()).savedSizeEu).toBeNull();
    expect((await account.setSavedSize({ sizeEu: 38.5 })).savedSizeEu).toBe(38.5);
    expect(await codeOf(account.setSavedSize({ sizeEu: 38.3 }))).toBe('400 VALIDATION_FAILED');
    expect((await account.get()).savedSizeEu).toBe(38.5);
    expect((await account.setSavedSize({ sizeEu: null })).savedSizeEu).toBeNull();
  });

  it('keeps exactly one default address through adds, changes and removals', async () => {
    const ana = await createCustomer(t, 'Ana');
    const account = t.client(ana.token).store.account;
    const home = await account.addAddress({ ...fixtureAddress('Ana'), label: 'Home' });
    expect(home.isDefault).toBe(true);
    const work = await account.addAddress({
      ...fixtureAddress('Ana'),
      line1: '2 Office Park',
      isDefault: true,
    });
    let list = await account.addresses();
    expect(list.map((a) => [a.id, a.isDefault])).toEqual([
      [work.id, true],
      [home.id, false],
    ]);
    const changed = await account.updateAddress(home.id, { city: 'Cork', isDefault: true });
    expect(changed).toMatchObject({ city: 'Cork', isDefault: true, label: 'Home' });
    expect((await account.addresses()).filter((a) => a.isDefault).map((a) => a.id)).toEqual([home.id]);
    await account.removeAddress(home.id);
    list = await account.addresses();
    expect(list.map((a) => [a.id, a.isDefault])).toEqual([[work.id, true]]);
  });

  it('refuses a bad country and someone else’s address, changing nothing', async () => {
    const ana = await createCustomer(t, 'Ana');
    const ben = await createCustomer(t, 'Ben');
    const anaAccount = t.client(ana.token).store.account;
    const home = await anaAccount.addAddress(fixtureAddress('Ana'));
    expect(await codeOf(anaAccount.addAddress({ ...fixtureAddress('Ana'), country: 'Ireland' }))).toBe(
      '400 VALIDATION_FAILED',
    );
    const benAccount = t.client(ben.token).store.account;
    expect(await codeOf(benAccount.updateAddress(home.id, { city: 'Paris' }))).toBe('404 ADDRESS_NOT_FOUND');
    expect(await codeOf(benAccount.removeAddress(home.id))).toBe('404 ADDRESS_NOT_FOUND');
    expect(await anaAccount.addresses()).toEqual([home]);
    expect(await benAccount.addresses()).toEqual([]);
  });

  it('adds a product to the wishlist once, refuses an unknown slug, and removes it', async () => {
    const ana = await createCustomer(t, 'Ana');
    const account = t.client(ana.token).store.account;
    await account.addToWishlist(slug);
    const list = await account.addToWishlist(slug);
    expect(list).toEqual([expect.objectContaining({ slug, available: true, currency: 'EUR' })]);
    expect(await codeOf(account.addToWishlist('no-such-shoe'))).toBe('404 PRODUCT_NOT_FOUND');
    expect(await account.removeFromWishlist(slug)).toEqual([]);
  });

  it('answers 401 CUSTOMER_SIGN_IN_REQUIRED without a shopper sign-in, staff included', async () => {
    expect(await codeOf(t.client().store.account.get())).toBe('401 CUSTOMER_SIGN_IN_REQUIRED');
    expect(await codeOf(t.client(t.tokens.owner).store.account.addresses())).toBe(
      '401 CUSTOMER_SIGN_IN_REQUIRED',
    );
  });

  it('exports the account as a JSON download with its orders, addresses and wishlist', async () => {
    const ana = await createCustomer(t, 'Ana');
    const account = t.client(ana.token).store.account;
    await account.addAddress(fixtureAddress('Ana'));
    await account.addToWishlist(slug);
    await account.setSavedSize({ sizeEu: 39 });
    const order = await createOrderFixture(t, {
      customer: ana,
      lines: [{ variant: stock.product.variant('NUDE', 39), quantity: 1 }],
    });
    const wire = await t.call('GET', '/store/account/export', { token: ana.token });
    expect(wire.status).toBe(200);
    expect(wire.headers.get('content-disposition')).toContain('attachment');
    const data = await account.exportData();
    expect(data.account).toMatchObject({ email: ana.email, savedSizeEu: 39 });
    expect(data.addresses).toHaveLength(1);
    expect(data.wishlist.map((w) => w.slug)).toEqual([slug]);
    expect(data.orders.map((o) => o.number)).toEqual([order.number]);
    expect(data.orders[0]!.lines[0]).toMatchObject({ sizeEu: 39, quantity: 1 });
  });
});

describe(`customer account erasure (${testDialect})`, () => {
  let t: TestApp;
  let stock: OrderStockFixture;

  beforeAll(async () => {
    t = await startTestApp();
    stock = await createOrderStock(t, { sizes: [38], quantity: 20 });
  });
  afterAll(() => t.close());

  it('keeps the account when the password is wrong', async () => {
    const ana = await createCustomer(t, 'Ana');
    expect(await codeOf(t.client(ana.token).store.account.erase({ password: 'not-the-password' }))).toBe(
      '401 INVALID_CREDENTIALS',
    );
    const again = await t.client().store.auth.signIn({ email: ana.email, password: PASSWORD });
    expect(again.customer.id).toBe(ana.id);
  });

  it('erases the shopper: no sign-in, no session, orders kept anonymised, audited, others untouched', async () => {
    const ana = await createCustomer(t, 'Ana');
    const ben = await createCustomer(t, 'Ben');
    const anaAccount = t.client(ana.token).store.account;
    await anaAccount.addAddress(fixtureAddress('Ana Erased'));
    await t.client(ben.token).store.account.addAddress(fixtureAddress('Ben Kept'));
    const order = await createOrderFixture(t, {
      customer: ana,
      lines: [{ variant: stock.product.variant('NUDE', 38), quantity: 2 }],
    });
    const admin = t.client(t.tokens.owner).admin;
    const before = await admin.orders.get(order.id);

    await anaAccount.erase({ password: PASSWORD });

    expect(await codeOf(t.client().store.auth.signIn({ email: ana.email, password: PASSWORD }))).toBe(
      '401 INVALID_CREDENTIALS',
    );
    expect((await codeOf(anaAccount.get())).startsWith('401')).toBe(true);
    const after = await admin.orders.get(order.id);
    expect(after.email).not.toContain(ana.email.split('@')[0]!);
    expect(after.email).toMatch(/@erased\.invalid$/);
    expect(after.shippingAddress).toEqual({
      name: 'Erased customer',
      line1: '-',
      city: '-',
      postalCode: '-',
      country: 'IE',
    });
    expect(after.lines).toEqual(before.lines);
    expect(after.totals).toEqual(before.totals);
    expect(after.status).toBe(before.status);
    expect(after.timeline.map((e) => e.type)).toContain('customer.erased');
    const audit = await admin.auditLog({ entity: 'customer', entityId: ana.id });
    expect(audit.items.map((e) => e.action)).toEqual(['customer.erase']);
    expect(JSON.stringify(audit.items)).not.toContain(ana.email);
    expect(await t.client(ben.token).store.account.addresses()).toHaveLength(1);
    const rows = await t.store.db
      .select()
      .from(t.store.t.customerAddresses)
      .where((await import('drizzle-orm')).eq(t.store.t.customerAddresses.customerId, ana.id));
    expect(rows).toEqual([]);
  });

  it('lets the same e-mail register again as a new, empty account', async () => {
    const ana = await createCustomer(t, 'Ana');
    await t.client(ana.token).store.account.erase({ password: PASSWORD });
    const fresh = await t.client().store.auth.register({ email: ana.email, password: PASSWORD, name: 'Ana' });
    expect(fresh.customer.id).not.toBe(ana.id);
    expect(await t.client(fresh.accessToken).store.account.addresses()).toEqual([]);
  });
});
