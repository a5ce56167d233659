/**
 * The managers' catalogue editor in browser mode, end to end: Debian's chromium drives the built
 * renderer served by the host, whose backend talks to a real store-api (embedded SQLite, demo
 * shop). Another device's change is made through the API with the owner's token.
 * SHOEBOX_SCREENSHOTS=1 writes the screenshots to docs/screenshots/ (else to a temp folder).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type ApiProcess,
  buildRenderer,
  demoStaff,
  startApi,
  startTestHost,
  type TestHost,
} from '@shoebox/desktop/test-support';
import { createShoeboxClient, type ShoeboxClient } from '@shoebox/shared/client';
import type { AdminProduct } from '@shoebox/shared/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../chromium.ts';

const shots = process.env.SHOEBOX_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'shoebox-shots-'));
const dataDir = mkdtempSync(join(tmpdir(), 'shoebox-desktop-data-'));
const files = mkdtempSync(join(tmpdir(), 'shoebox-csv-'));
let api: ApiProcess;
let host: TestHost;
let browser: Browser;
let page: Page;
/** "Another device": the owner, straight through the API. */
let other: ShoeboxClient;
let product: AdminProduct;

beforeAll(async () => {
  [api] = await Promise.all([startApi(), buildRenderer()]);
  host = await startTestHost({ apiUrl: api.url, probeIntervalMs: 300, dataDir });
  let token: string | undefined;
  other = createShoeboxClient({ baseUrl: api.url, getToken: () => token });
  token = (await other.admin.auth.signIn(demoStaff.owner)).accessToken;
  const [first] = (await other.admin.products.list({ status: 'active', pageSize: 1 })).items;
  if (!first) throw new Error('the demo shop has no active product');
  product = first;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // A loaded machine (two cores shared by several sessions) takes its time; nothing here is timed.
  page.setDefaultTimeout(120_000);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await api?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    await page?.screenshot({ path: join(tmpdir(), `products-failed-${ctx.task.name.slice(0, 20)}.png`) });
});

const shot = (name: string) => page.screenshot({ path: join(shots, `desktop-${name}.png`) });

async function openProduct(): Promise<void> {
  await page.getByTestId('navigation').getByText('Products').click();
  await page.getByLabel('Name or style code').fill(product.styleCode);
  // The catalogue arrives with the first pull after sign-in: look again until it is there.
  await expect
    .poll(
      async () => {
        const row = page.getByRole('table', { name: 'Products' }).getByText(product.name, { exact: true });
        if ((await row.count()) > 0) return true;
        await page.getByTestId('navigation').getByText('Dashboard').click();
        await page.getByTestId('navigation').getByText('Products').click();
        await page.getByLabel('Name or style code').fill(product.styleCode);
        return false;
      },
      { timeout: 120_000 },
    )
    .toBe(true);
  await page.getByRole('table', { name: 'Products' }).getByText(product.name, { exact: true }).click();
  await page.getByRole('heading', { name: product.name }).waitFor();
}

describe('the catalogue editor in browser mode against a real API', () => {
  it('signs a manager in', async () => {
    await page.goto(host.url);
    await page.getByLabel('Email').fill(demoStaff.manager.email);
    await page.getByLabel('Password').fill(demoStaff.manager.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('navigation').waitFor();
    await expect
      .poll(() => page.getByTestId('sync-state').textContent(), { timeout: 120_000 })
      .toBe('Online');
  }, 300_000);

  it('edits a product another device changed meanwhile, and resolves the conflict field by field', async () => {
    await openProduct();
    await page.locator('#root').evaluate(() => window.scrollTo(0, 0));
    await shot('product-editor');

    // Another device changes the name and the material after this editor loaded them.
    await other.admin.products.update(product.id, {
      name: `${product.name} Classic`,
      material: 'Nappa',
      baseVersion: product.version,
    });
    await page.getByLabel(/^Name/).fill(`${product.name} Mine`);
    await page.getByLabel(/^Material/).fill('Suede');
    await page.getByLabel('Heel height (mm)').fill(String(product.heelHeightMm + 5));
    await page.getByRole('button', { name: /Save changes/ }).click();
    await page.getByText(/^Saved\./).waitFor();

    await expect
      .poll(() => page.getByTestId('attention-count').count(), { timeout: 120_000 })
      .toBeGreaterThan(0);
    await page.getByTestId('navigation').getByText('Needs attention').click();
    const item = page
      .getByTestId('attention-item')
      .filter({ has: page.getByRole('table', { name: 'Fields changed on both sides' }) });
    await item.waitFor();
    await item.getByLabel(`Yours: ${product.name} Mine`).check();
    await item.getByLabel('On the server: Nappa').check();
    await shot('product-conflict');
    await item.getByRole('button', { name: 'Save my choices' }).click();
    await page.getByText('Nothing needs attention').waitFor();

    // The server ends with the manager's name, the other device's material, and the heel that
    // did not conflict.
    await expect
      .poll(
        async () => {
          const now = await other.admin.products.get(product.id);
          return [now.name, now.material, now.heelHeightMm];
        },
        { timeout: 120_000 },
      )
      .toEqual([`${product.name} Mine`, 'Nappa', product.heelHeightMm + 5]);
  }, 300_000);

  it('previews the variant matrix and adds the new sizes on the server', async () => {
    const before = (await other.admin.products.get(product.id)).variants.length;
    product = await other.admin.products.get(product.id);
    await openProduct();
    const matrix = page.getByTestId('variant-matrix');
    await matrix.getByRole('button', { name: 'EU 43', exact: true }).click();
    const summary = (await matrix.getByTestId('matrix-summary').textContent()) ?? '';
    const added = Number(/^(\d+) new/.exec(summary)?.[1]);
    expect(added).toBeGreaterThan(0);
    await matrix.scrollIntoViewIfNeeded();
    await shot('product-variant-matrix');
    await matrix.getByRole('button', { name: /^Add \d+ variant/ }).click();
    await page.getByText(new RegExp(`^${added} variant\\(s\\) added`)).waitFor({ timeout: 120_000 });
    expect((await other.admin.products.get(product.id)).variants.length).toBe(before + added);
  }, 300_000);

  it('imports a CSV with one bad row: that row is shown and nothing is written', async () => {
    const exported = await other.admin.catalog.exportCsv();
    const lines = exported.trim().split('\n');
    const header = lines[0]!.split(',');
    const price = header.indexOf('price_minor');
    const gtin = header.indexOf('gtin');
    const cells = (n: number) => lines[n]!.split(',');
    // Row 2 a valid price change (must not be applied either), row 4 a barcode with a wrong check digit.
    const row2 = cells(1);
    row2[price] = '4242';
    const row4 = cells(3);
    row4[gtin] = '4006381333932';
    const edited = [lines[0], row2.join(','), lines[2], row4.join(','), ...lines.slice(4)].join('\n');
    expect(lines[1]!.includes('"')).toBe(false); // the simple split above is only right without quotes
    const file = join(files, 'catalog-edit.csv');
    writeFileSync(file, edited);

    await page.getByTestId('navigation').getByText('Products').click();
    await page.getByRole('button', { name: /Import \/ export CSV/ }).click();
    await page.getByLabel('CSV file').setInputFiles(file);
    const table = page.getByRole('table', { name: 'Rows with errors' });
    await table.waitFor({ timeout: 120_000 });
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toBe('4gtinGTIN check digit is wrongGTIN_CHECK_DIGIT');
    expect(
      await page
        .getByText(/^catalog-edit\.csv: 1 row\(s\) of the CSV have errors, so nothing was imported/)
        .count(),
    ).toBe(1);
    await shot('product-import-errors');
    expect(await other.admin.catalog.exportCsv()).toBe(exported);
  }, 300_000);
});
