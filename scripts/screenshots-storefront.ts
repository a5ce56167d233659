/**
 * Screenshots of the storefront at phone size (390 x 844) into docs/screenshots/: home, listing,
 * product, bag, checkout (with a declined card), the confirmation, parcel tracking, a return, and the
 * account pages (sign-in, account, order detail, delete confirmation, deleted), on a fresh demo shop.
 * Run: `npx tsx scripts/screenshots-storefront.ts` (builds the storefront, starts its own API).
 */
import { join, resolve } from 'node:path';
import { managerClient, shipOrderOfStyle } from '../tests/storefront/admin.ts';
import { launchChromium, phoneContext, startShop } from '../tests/storefront/harness.ts';
import {
  addFirstInStockSize,
  checkoutToPayment,
  DEMO_CARDS,
  payWith,
  register,
} from '../tests/storefront/shopper.ts';

const out = resolve(import.meta.dirname, '../docs/screenshots');
const shot = (name: string) => ({ path: join(out, `storefront-${name}.png`), fullPage: false });

async function main() {
  const shop = await startShop();
  const browser = await launchChromium();
  try {
    const page = await (await phoneContext(browser, shop.baseUrl)).newPage();
    await page.goto('/');
    await page.locator('.grid .card').first().waitFor();
    await page.screenshot(shot('home'));

    await page.goto('/c/boots-booties?size=38&colour=black');
    await page.locator('.grid .card').first().waitFor();
    await page.screenshot(shot('listing'));
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.screenshot(shot('listing-filters'));

    await page.goto('/search?q=zzzz');
    await page.getByText('No shoes match').waitFor();
    await page.screenshot(shot('no-results'));

    await page.goto('/c/boots-booties');
    await page.locator('.grid .card a').first().click();
    await page.locator('.size-grid').waitFor();
    await page.screenshot(shot('product'));
    await addFirstInStockSize(page);

    await page.goto('/cart');
    await page.locator('.lines .line').first().waitFor();
    await page.screenshot(shot('cart'));

    await checkoutToPayment(page, 'ana@example.com');
    await payWith(page, DEMO_CARDS.declined);
    await page.getByText('Your card was declined.').waitFor();
    await page.locator('.pay-problem').scrollIntoViewIfNeeded();
    await page.screenshot(shot('declined'));

    await payWith(page, DEMO_CARDS.ok);
    await page.getByText('Thank you!').waitFor();
    await page.locator('.totals').waitFor();
    await page.screenshot(shot('confirmation'));

    const shopper = await (await phoneContext(browser, shop.baseUrl)).newPage();
    await shopper.goto('/account');
    await shopper.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shopper.screenshot(shot('account-sign-in'));
    const nora = { name: 'Nora Quinn', email: 'nora@example.com', password: 'nora-walks-far-42' };
    await register(shopper, nora);
    await shopper.getByLabel(/EU size/).selectOption('38');
    await shopper.getByText('Saved: EU 38.').waitFor();
    await shopper.goto('/c/boots-booties?size=38');
    await shopper.locator('.grid .card a').first().click();
    await shopper.getByRole('button', { name: 'Add to wishlist' }).click();
    await shopper.getByRole('button', { name: 'On your wishlist' }).waitFor();
    await addFirstInStockSize(shopper);
    const slug = new URL(shopper.url()).pathname.split('/')[2]!;
    await checkoutToPayment(shopper, null);
    await payWith(shopper, DEMO_CARDS.ok);
    await shopper.getByText('Thank you!').waitFor();
    const number = (await shopper.locator('.order-number strong').textContent())!;
    const tracking = await shipOrderOfStyle(shop.baseUrl, await managerClient(shop.baseUrl), number, slug);
    await shopper.goto(`/track/${tracking}`);
    await shopper.locator('.track-steps').waitFor();
    await shopper.screenshot(shot('track'));
    await shopper.goto(`/returns/${number}`);
    await shopper.locator('.return-line input[type="checkbox"]').first().check();
    await shopper.getByLabel('Why are you sending it back?').selectOption('too_small');
    await shopper.getByLabel('Another size (we send it when your return arrives)').check();
    await shopper.locator('.return-outcome select, .return-outcome .muted').first().waitFor();
    await shopper.screenshot(shot('returns'));
    await shopper.getByLabel('A refund').check();
    await shopper.getByRole('button', { name: 'Request the return' }).click();
    await shopper.getByRole('heading', { name: 'Your return is requested' }).waitFor();
    await shopper.screenshot(shot('returns-requested'));
    await shopper.goto('/account');
    await shopper.getByRole('heading', { name: 'Orders' }).waitFor();
    await shopper.locator('.orders a').first().waitFor();
    await shopper.screenshot(shot('account'));
    await shopper.locator('.orders a').first().click();
    await shopper.getByRole('heading', { name: 'History' }).waitFor();
    await shopper.screenshot(shot('account-order'));
    await shopper.goto('/account');
    await shopper.getByRole('button', { name: 'Delete my account' }).click();
    await shopper.getByLabel('Type your password to confirm').fill(nora.password);
    await shopper.locator('.danger-zone').scrollIntoViewIfNeeded();
    await shopper.screenshot(shot('account-delete'));
    await shopper.getByRole('button', { name: 'Delete my account for good' }).click();
    await shopper.getByText('Your account is deleted.').waitFor();
    await shopper.screenshot(shot('account-deleted'));
    console.log(`screenshots in ${out}`);
  } finally {
    await browser.close();
    await shop.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
