/**
 * The storefront end to end in Debian's chromium at phone size, against a real store-api with the
 * demo shop on SQLite (its own process, port and data directory) and the demo payment provider.
 */
import { createShoeboxClient, type ShoeboxClient } from '@shoebox/shared/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managerClient, orderByNumber, productWithSoldOutSize, sellOut } from './admin.ts';
import { launchChromium, phoneContext, type Shop, startShop } from './harness.ts';
import {
  addFirstInStockSize,
  checkoutToPayment,
  DEMO_CARDS,
  fillAddress,
  fillContact,
  payWith,
} from './shopper.ts';

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

const bagCount = (page: Page) => page.locator('.bag-count').textContent();

describe('storefront', () => {
  it('finds black boots in 38, buys a pair with the demo card, and staff see the order with its line', async () => {
    const page = await newPage();
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Search shoes' }).fill('boots');
    await page.getByRole('combobox', { name: 'Search shoes' }).press('Enter');
    await page.waitForURL(/\/search\?q=boots$/);
    await page.locator('.grid .card').first().waitFor();

    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.locator('input[name="size"][value="38"]').check();
    await page.waitForURL(/size=38/);
    await page.locator('input[name="colour"][value="black"]').check();
    await page.waitForURL(/colour=black/);
    expect(new URL(page.url()).search).toBe('?q=boots&size=38&colour=black');
    const expected = await admin.store.products.list({ q: 'boots', size: [38], colour: ['black'] });
    expect(expected.total).toBeGreaterThan(0);
    await page.getByRole('button', { name: `Show ${expected.total} styles` }).click();
    await expect.poll(() => page.locator('.grid .card').count()).toBe(Math.min(expected.total, 24));
    for (const sizes of await page.locator('.card-sizes').allTextContents()) expect(sizes).toMatch(/\b38\b/);

    await page.locator('.grid .card a').first().click();
    await page.waitForURL(/\/p\//);
    await page.getByRole('button', { name: 'Black', exact: true }).click();
    await page.getByRole('button', { name: 'EU 38', exact: true }).click();
    await page.getByRole('button', { name: 'Add to bag' }).click();
    await page.getByText(/^Added: .*Black, EU 38/).waitFor();
    expect(await bagCount(page)).toBe('1');

    await checkoutToPayment(page, 'bea@example.com');
    await payWith(page, DEMO_CARDS.ok);
    await page.getByRole('heading', { name: 'Thank you! Your order is placed' }).waitFor();
    const number = (await page.locator('.order-number strong').textContent())!;
    expect(number).toMatch(/^SB-/);
    await page.getByText('Total paid').waitFor();
    expect(await bagCount(page)).toBe('0');

    const order = await orderByNumber(admin, number);
    expect(order.status).toBe('paid');
    expect(order.email).toBe('bea@example.com');
    expect(order.lines).toHaveLength(1);
    expect(order.lines[0]).toMatchObject({ colourName: 'Black', sizeEu: 38, quantity: 1 });
    expect(order.shippingAddress).toMatchObject({ postalCode: 'D02 X285', country: 'IE' });
  });

  it('shows sold-out sizes crossed out and disabled, and never adds them to the bag', async () => {
    const { product, colour, soldOut } = await productWithSoldOutSize(admin);
    const page = await newPage();
    await page.goto(`/p/${product.slug}?colour=${colour.code}`);
    const button = page.getByRole('button', { name: `EU ${soldOut.sizeLabels.eu}, sold out` });
    await expect.poll(() => button.isDisabled()).toBe(true);
    expect(await button.evaluate((b) => getComputedStyle(b).textDecorationLine)).toBe('line-through');
    await button.click({ force: true });
    await page.getByRole('button', { name: 'Add to bag' }).click();
    await page.getByText('Choose your size first.').waitFor();
    expect(await bagCount(page)).toBe('0');
    expect(await page.evaluate(() => localStorage.getItem('shoebox.cart'))).toBeNull();
  });

  it('shows an invalid postcode as an error next to the field and does not go on', async () => {
    const page = await newPage();
    await page.goto('/c/sneakers');
    await page.locator('.grid .card a').first().click();
    await addFirstInStockSize(page);
    await page.goto('/checkout');
    await fillContact(page, 'clara@example.com');
    await fillAddress(page, { postalCode: '123' });
    const postcode = page.getByLabel('Postcode');
    await page.getByText('Enter a valid postcode, e.g. D02 X285.').waitFor();
    expect(await postcode.getAttribute('aria-invalid')).toBe('true');
    expect(await postcode.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('radio').count()).toBe(0);

    await postcode.fill('D02 X285');
    await page.getByRole('button', { name: 'Continue to delivery options' }).click();
    await page.getByRole('radio').first().waitFor();
    expect(await postcode.getAttribute('aria-invalid')).toBeNull();
  });

  it('takes a coupon and shows the lower total', async () => {
    await admin.request('POST', '/admin/coupons', null, {
      body: { code: 'E2E10', kind: 'percentage', percentBasisPoints: 1000 },
    });
    const page = await newPage();
    await page.goto('/c/pumps-heels');
    await page.locator('.grid .card a').first().click();
    await addFirstInStockSize(page);
    await page.goto('/cart');
    const total = page.getByTestId('cart-total');
    const before = (await total.textContent())!;
    await page.getByLabel('Discount code').fill('e2e10');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Discount (E2E10)').waitFor();
    const euros = (text: string) => Number(text.replace(/[^\d.]/g, ''));
    expect(euros((await total.textContent())!)).toBeCloseTo(euros(before) * 0.9, 1);

    await page.getByLabel('Discount code').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByLabel('Discount code').fill('NOPE-NOT-A-CODE');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /coupon|code/i })
      .waitFor();
    expect(await total.textContent()).toBe(before);
  });

  it('says a declined card was declined, keeps the bag, and takes another card for the same order', async () => {
    const page = await newPage();
    await page.goto('/c/sandals');
    await page.locator('.grid .card a').first().click();
    const size = await addFirstInStockSize(page);
    await checkoutToPayment(page, 'dora@example.com');
    await payWith(page, DEMO_CARDS.declined);
    await page.getByText('Your card was declined. Nothing was charged and your bag is saved').waitFor();
    const pending = (await page.locator('text=/Order SB-\\w+ is reserved/').textContent())!;
    const number = pending.match(/SB-\w+/)![0];
    expect((await orderByNumber(admin, number)).status).toBe('pending_payment');

    await page.goto('/cart');
    await page.getByText(`Order ${number} is waiting for payment`).waitFor();
    expect(await page.locator('.lines .line').count()).toBe(1);
    expect(await page.locator('.lines .line').textContent()).toContain(`EU ${size}`);
    expect(await bagCount(page)).toBe('1');

    await page.getByRole('link', { name: 'Pay for your order' }).click();
    await payWith(page, DEMO_CARDS.ok);
    await page.getByRole('heading', { name: 'Thank you! Your order is placed' }).waitFor();
    expect(await page.locator('.order-number strong').textContent()).toBe(number);
    expect((await orderByNumber(admin, number)).status).toBe('paid');
  });

  it('says which size sold out during checkout, places no order, and keeps the bag', async () => {
    const page = await newPage();
    await page.goto('/c/loafers-mules');
    await page.locator('.grid .card a').first().click();
    await addFirstInStockSize(page);
    await checkoutToPayment(page, 'ana@example.com');
    const cartToken = await page.evaluate(() => localStorage.getItem('shoebox.cart'));
    const cart = await createShoeboxClient({ baseUrl: shop.baseUrl, cartToken }).store.cart.get();
    const line = cart.lines[0]!;
    await sellOut(admin, line.variantId);

    await payWith(page, DEMO_CARDS.ok);
    await page
      .getByText(`Sorry, ${line.productName} in EU ${line.sizeEu} sold out while you were checking out`)
      .waitFor();
    expect(await bagCount(page)).toBe('1');
    expect((await admin.admin.orders.list({ email: 'ana@example.com' })).items).toHaveLength(0);

    await page.getByRole('link', { name: 'Go to your bag' }).click();
    await page.getByText('Sold out in this size').waitFor();
    expect(await page.locator('.lines .line').count()).toBe(1);
  });

  it('fits a 320 px wide phone without sideways scrolling', async () => {
    const context = await browser.newContext({
      baseURL: shop.baseUrl,
      viewport: { width: 320, height: 640 },
    });
    const page = await context.newPage();
    await page.goto('/c/boots-booties');
    await page.locator('.grid .card a').first().click();
    await addFirstInStockSize(page);
    const product = new URL(page.url()).pathname;
    for (const path of [product, '/', '/c/boots-booties?size=38', '/search?q=zzzz', '/cart', '/checkout']) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(320);
    }
    await context.close();
  });
});
