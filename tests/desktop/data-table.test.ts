/**
 * The DataTable's virtual rows in a real browser (Debian chromium): 10,000 rows, a few dozen in
 * the DOM, the header sticky while scrolling, the last row reachable, sorting over all rows.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../chromium.ts';
import { serveHarness } from './renderer-harness.ts';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: ViteDevServer;
let url: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, url } = await serveHarness('harness'));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.getByRole('table', { name: 'Lines' }).waitFor({ timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const domRows = () => page.locator('tbody tr:not([aria-hidden])').count();
const firstSku = () => page.locator('tbody tr:not([aria-hidden]) td').first().textContent();

describe('DataTable with 10,000 rows in chromium', () => {
  it('keeps a few dozen rows in the DOM and the header on screen while scrolling to the end', async () => {
    expect(await page.getByRole('table', { name: 'Lines' }).getAttribute('aria-rowcount')).toBe('10001');
    const rows = await domRows();
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(60);

    const container = page.locator('.MuiTableContainer-root');
    await container.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByText('SB-09999').waitFor();
    expect(await domRows()).toBeLessThan(60);
    const header = await page.getByRole('columnheader', { name: 'SKU' }).boundingBox();
    const box = await container.boundingBox();
    expect(Math.abs((header?.y ?? -1) - (box?.y ?? 0))).toBeLessThan(2);
  });

  it('sorts all 10,000 rows, not just the ones on screen', async () => {
    await page.locator('.MuiTableContainer-root').evaluate((el) => el.scrollTo(0, 0));
    const firstTotal = () => page.locator('tbody tr:not([aria-hidden]) td').nth(2).textContent();
    // Numbers sort largest first on the first click (TanStack's default for numeric columns).
    await page.getByRole('button', { name: 'Total' }).click();
    await expect.poll(firstTotal).toBe('€509.99');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-totalMinor');
    await page.getByRole('button', { name: 'Total' }).click();
    await expect.poll(firstTotal).toBe('€10.00');
    expect(await firstSku()).toBe('SB-00000');
  });
});
