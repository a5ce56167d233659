/**
 * The storefront's after-sale pages and its offline shell, in Debian's chromium at phone size
 * against a real store-api with the demo shop: a shipped order's /track/<number> page (where the
 * shipped mail links), a return requested on /returns/<order number> (where the packing slip's QR
 * code links), and browsing that survives losing the connection.
 */
import type { ShoeboxClient } from '@shoebox/shared/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managerClient, orderByNumber, shipOrderOfStyle } from './admin.ts';
import { launchChromium, phoneContext, type Shop, startShop } from './harness.ts';
import { addFirstInStockSize, checkoutToPayment, DEMO_CARDS, payWith, register } from './shopper.ts';

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

/** A registered shopper buys the first in-stock size of an in-stock style; the order number and style. */
async function buyAPair(page: Page): Promise<{ number: string; slug: string }> {
  const [style] = (await admin.store.products.list({ inStock: true, pageSize: 1 })).items;
  await page.goto(`/p/${style!.slug}`);
  await addFirstInStockSize(page);
  await checkoutToPayment(page, null);
  await payWith(page, DEMO_CARDS.ok);
  await page.getByText('Thank you!').waitFor();
  const number = (await page.locator('.order-number strong').textContent())!;
  return { number, slug: style!.slug };
}

describe('storefront after-sale pages', () => {
  it('tracks a shipped parcel by its number, then requests a return of the pair with a reason', async () => {
    const page = await (await phoneContext(browser, shop.baseUrl)).newPage();
    await register(page, {
      name: 'Rita Ferraz',
      email: `rita-${Date.now()}@example.com`,
      password: 'rita-walks-far-42',
    });
    const { number, slug } = await buyAPair(page);

    const order = await orderByNumber(admin, number);
    const tracking = await shipOrderOfStyle(shop.baseUrl, admin, number, slug);

    await page.goto(`/track/${tracking}`);
    await page.getByRole('heading', { name: 'Track your parcel' }).waitFor();
    await expect.poll(() => page.locator('.track-now strong').textContent()).toBe('Packed and labelled');
    expect(await page.locator('.track-steps li.done').count()).toBe(1);
    expect(await page.getByText(tracking).count()).toBeGreaterThan(0);

    await page.goto('/track/SBX-NOPE-0');
    await page.getByRole('alert').getByText('No parcel with this tracking number.').waitFor();

    await page.goto(`/returns/${number}`);
    await page.getByRole('button', { name: 'Request the return' }).click();
    await page.getByText('Tick the pairs you are sending back.', { exact: true }).waitFor();
    await page.locator('.return-line input[type="checkbox"]').first().check();
    await page.getByRole('button', { name: 'Request the return' }).click();
    await page.getByText('Tell us why').waitFor();
    await page.getByLabel('Why are you sending it back?').selectOption('too_small');
    await page.getByLabel('A refund').check();
    await page.getByRole('button', { name: 'Request the return' }).click();
    await page.getByRole('heading', { name: 'Your return is requested' }).waitFor();

    // The API holds it as the shopper's return of that order (GET /store/returns with her sign-in).
    const returns = await page.evaluate(async () => {
      const { accessToken } = JSON.parse(localStorage.getItem('shoebox.session') ?? '{}');
      const res = await fetch('/store/returns', { headers: { authorization: `Bearer ${accessToken}` } });
      return (await res.json()) as { items: Array<{ orderId: string; lines: Array<{ reason: string }> }> };
    });
    const mine = returns.items.filter((r) => r.orderId === order.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.lines.map((l) => l.reason)).toEqual(['too_small']);
  }, 240_000);

  it('opens viewed pages from the service worker when offline, and says the shopper is offline', async () => {
    const context = await phoneContext(browser, shop.baseUrl);
    const page = await context.newPage();
    const [style] = (await admin.store.products.list({ inStock: true, pageSize: 1 })).items;
    await page.goto(`/p/${style!.slug}`);
    await page.locator('.size-grid').waitFor();
    // The worker registers once the page is idle; wait until it controls a fresh load of the page.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.locator('.size-grid').waitFor();

    await context.setOffline(true);
    await page.goto('/');
    await page.goto(`/p/${style!.slug}`);
    await page.getByRole('heading', { name: style!.name }).waitFor();
    await page.getByText('You are offline.').waitFor();

    await context.setOffline(false);
  }, 180_000);
});
