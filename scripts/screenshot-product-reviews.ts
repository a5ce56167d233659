/**
 * A phone-sized screenshot of the product page with reviews, the fit verdict and "notify me"
 * (docs/screenshots/storefront-product-reviews*.png), on a fresh demo shop: four shoppers buy a
 * broken-size-run style through the API with the demo provider and review it, then chromium opens it.
 * Run: `npx tsx scripts/screenshot-product-reviews.ts` (builds the storefront, starts its own API).
 */
import { join, resolve } from 'node:path';
import { createShoeboxClient } from '@shoebox/shared/client';
import { productWithSoldOutSize } from '../tests/storefront/admin.ts';
import { launchChromium, phoneContext, startShop } from '../tests/storefront/harness.ts';
import { DEMO_CARDS, dublin } from '../tests/storefront/shopper.ts';

const out = resolve(import.meta.dirname, '../docs/screenshots');
const reviews = [
  {
    name: 'Ana Byrne',
    rating: 5,
    fit: 'small',
    text: 'Gorgeous and comfortable from day one. Order half a size up.',
  },
  { name: 'Cleo Doyle', rating: 4, fit: 'small', text: 'Runs a little small; the half size up is perfect.' },
  { name: 'Maeve Walsh', rating: 4, fit: 'small', text: 'Snug at first, fine after a week. Lovely leather.' },
  {
    name: 'Nora Quinn',
    rating: 3,
    fit: 'true',
    text: 'True to size for me, but the heel took getting used to.',
  },
] as const;

/** A shopper registers, buys the size with the demo card and reviews the style. */
async function buyAndReview(
  baseUrl: string,
  slug: string,
  sku: string,
  who: (typeof reviews)[number],
  n: number,
) {
  const email = `reviewer-${n}@example.com`;
  const guest = createShoeboxClient({ baseUrl });
  const { accessToken } = await guest.store.auth.register({
    email,
    password: 'walks-far-4242',
    name: who.name,
  });
  const { token: cart } = await createShoeboxClient({
    baseUrl,
    getToken: () => accessToken,
  }).store.cart.mine();
  const shop = createShoeboxClient({ baseUrl, getToken: () => accessToken, cartToken: () => cart }).store;
  await shop.cart.addLine({ sku, quantity: 1 });
  await shop.cart.setShipping({
    address: { ...dublin, name: who.name, country: 'IE' },
    methodId: 'house-standard',
  });
  const placed = await shop.checkout.placeOrder();
  await shop.checkout.demoPay({ orderNumber: placed.orderNumber, email, cardNumber: DEMO_CARDS.ok });
  await shop.products.review(slug, { rating: who.rating, fit: who.fit, text: who.text });
}

async function main() {
  const shop = await startShop();
  const browser = await launchChromium();
  try {
    const api = createShoeboxClient({ baseUrl: shop.baseUrl });
    const { product, colour } = await productWithSoldOutSize(api);
    const inStock = colour.variants.find((v) => v.width === 'standard' && v.available >= reviews.length)!;
    for (const [n, who] of reviews.entries())
      await buyAndReview(shop.baseUrl, product.slug, inStock.sku, who, n);

    const page = await (await phoneContext(browser, shop.baseUrl)).newPage();
    await page.goto(`/p/${product.slug}?colour=${colour.code}`);
    await page.getByText('Most say it runs small').waitFor();
    // A string runs in the page (this file is typed without the DOM library).
    await page.evaluate(`document.querySelector('.sizes').scrollIntoView({ block: 'start' })`);
    await page.screenshot({ path: join(out, 'storefront-product-reviews.png') });
    await page.getByText(/^Reviews \(/).click();
    await page.locator('.review-list li').first().waitFor();
    await page.evaluate(`document.querySelector('#reviews').scrollIntoView({ block: 'start' })`);
    await page.screenshot({ path: join(out, 'storefront-product-reviews-open.png') });
  } finally {
    await browser.close();
    await shop.stop();
  }
}

await main();
