/**
 * A shopper's account end to end in Debian's chromium at phone size, against a real store-api with
 * the demo shop: register, saved size and wishlist on the product page, an order placed signed in,
 * the data export (a JSON download), then erasure: no sign-in, the order kept but anonymised.
 */
import { readFile } from 'node:fs/promises';
import type { ShoeboxClient } from '@shoebox/shared/client';
import type { AccountExport } from '@shoebox/shared/store';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managerClient, orderByNumber } from './admin.ts';
import { launchChromium, phoneContext, type Shop, startShop } from './harness.ts';
import { checkoutToPayment, DEMO_CARDS, payWith, register, signIn } from './shopper.ts';

let shop: Shop;
let browser: Browser;
let admin: ShoeboxClient;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchChromium()]);
  admin = await managerClient(shop.baseUrl);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await shop?.stop();
});

async function newPage(): Promise<Page> {
  return (await phoneContext(browser, shop.baseUrl)).newPage();
}

describe('storefront account', () => {
  it('a registered shopper exports their data, deletes the account, cannot sign in again, and staff keep the order anonymised', async () => {
    const nora = {
      name: 'Nora Quinn',
      email: `nora-${Date.now()}@example.com`,
      password: 'nora-walks-far-42',
    };
    const page = await newPage();
    await register(page, nora);

    await page.getByLabel(/EU size/).selectOption('38');
    await page.getByText('Saved: EU 38.').waitFor();

    // A style with 38 in stock: the saved size is chosen for her on its page.
    const [style] = (await admin.store.products.list({ size: [38], inStock: true, pageSize: 1 })).items;
    expect(style).toBeDefined();
    const colour = (await admin.store.products.get(style!.slug)).colours.find((c) =>
      c.variants.some((v) => v.sizeEu === 38 && v.inStock && v.width === 'standard'),
    )!;
    await page.goto(`/p/${style!.slug}?colour=${colour.code}`);
    await expect
      .poll(() => page.getByRole('button', { name: 'EU 38', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByRole('button', { name: 'Add to wishlist' }).click();
    await page.getByRole('button', { name: 'On your wishlist' }).waitFor();
    await page.getByRole('button', { name: 'Add to bag' }).click();
    await page.getByText(/^Added: .*EU 38/).waitFor();

    await checkoutToPayment(page, null);
    await page.getByText(nora.email).first().waitFor();
    await payWith(page, DEMO_CARDS.ok);
    await page.getByRole('heading', { name: 'Thank you! Your order is placed' }).waitFor();
    const number = (await page.locator('.order-number strong').textContent())!;

    await page.goto('/account');
    await page.getByRole('link', { name: number }).waitFor();
    await page.getByRole('link', { name: style!.name }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('shoebox-account.json');
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as AccountExport;
    expect(exported.account).toMatchObject({ email: nora.email, name: nora.name, savedSizeEu: 38 });
    expect(exported.wishlist.map((w) => w.slug)).toEqual([style!.slug]);
    expect(exported.orders.map((o) => o.number)).toEqual([number]);

    const before = await orderByNumber(admin, number);
    expect(before.email).toBe(nora.email);
    expect(before.customerId).toBe(exported.account.id);

    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByRole('heading', { name: `Delete the account ${nora.email}?` }).waitFor();
    await page.getByLabel('Type your password to confirm').fill(nora.password);
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByText('Your account is deleted.').waitFor();

    await signIn(page, nora);
    await page.getByRole('alert').filter({ hasText: 'Email or password is wrong.' }).waitFor();
    const refused = await admin.store.auth
      .signIn({ email: nora.email, password: nora.password })
      .catch((e) => e);
    expect(refused).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });

    const after = await orderByNumber(admin, number);
    expect(after.status).toBe('paid');
    expect(after.lines).toEqual(before.lines);
    expect(after.totals).toEqual(before.totals);
    expect(after.email).toMatch(/@erased\.invalid$/);
    expect(JSON.stringify(after)).not.toContain(nora.email);
    expect(JSON.stringify(after.shippingAddress)).not.toContain('Grafton');
    expect(after.shippingAddress.name).toBe('Erased customer');
  }, 120_000);
});
