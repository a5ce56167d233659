/**
 * Screenshots of every back-office screen at 1440x900 in Debian chromium, over the renderer's
 * fake backend (desktop/src/renderer/test/app-harness): the same shop every run, no API needed.
 * SHOEBOX_SCREENSHOTS=1 writes them to docs/screenshots/ (else to a temp folder). Each shot also
 * checks the state it shows, so a broken screen fails here instead of producing a blank picture.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../chromium.ts';
import { serveHarness } from './renderer-harness.ts';

const shots = process.env.SHOEBOX_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'shoebox-shots-'));
// Fixed ids from desktop/src/renderer/test/fake-data.ts (fakeId): Ana Pump and the MAIN location.
const ANA = '00000000-0000-4000-8003-000000000001';
const MAIN = '00000000-0000-4000-8001-000000000001';

let server: ViteDevServer;
let url: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, url } = await serveHarness('app-harness'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const base = () => url;

async function open(path: string, settings: Record<string, string> = {}) {
  await page?.close();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript((s) => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('harness.')) localStorage.removeItem(k);
    for (const [k, v] of Object.entries(s)) localStorage.setItem(`harness.${k}`, v);
    // The locations a device learns from the history (use-locations.ts), as after the first visit.
    localStorage.setItem(
      'shoebox.locations',
      JSON.stringify([
        { id: '00000000-0000-4000-8001-000000000001', code: 'MAIN' },
        { id: '00000000-0000-4000-8001-000000000002', code: 'SHOP' },
      ]),
    );
  }, settings);
  // The first load waits for vite to pre-bundle the dependencies: minutes on a loaded machine.
  await page.goto(`${base()}${path}`, { timeout: 120_000, waitUntil: 'domcontentloaded' });
}
const shot = (name: string) => page.screenshot({ path: join(shots, `desktop-${name}.png`) });

describe('back-office screens in chromium', () => {
  it('dashboard', async () => {
    await open('/', { role: 'manager' });
    await page.getByTestId('to-pick').waitFor({ timeout: 60_000 });
    await page.getByTestId('low-stock-list').waitFor();
    await shot('dashboard');
  }, 180_000);

  it('orders queue, 2,000 orders, manager', async () => {
    await open('/orders', { role: 'manager' });
    await page.getByRole('table', { name: 'Orders' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('columnheader', { name: 'Total' }).count()).toBe(1);
    await shot('orders');
  }, 60_000);

  it('orders queue, "To pick" view, warehouse (no money)', async () => {
    await open('/orders?f.status=paid&sort=createdAt', { role: 'warehouse' });
    await page.getByRole('table', { name: 'Orders' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('body').textContent()).not.toMatch(/€|\brevenue|\bprice|\brefund/i);
    await shot('orders-to-pick-warehouse');
  }, 60_000);

  it('orders queue, no match', async () => {
    await open('/orders?q=nobody-at-all', { role: 'manager' });
    await page.getByText('No orders match these filters').waitFor({ timeout: 30_000 });
    await shot('orders-empty');
  }, 60_000);

  it('order detail, manager', async () => {
    await open('/orders', { role: 'manager' });
    await page.getByRole('table', { name: 'Orders' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'To pick' }).click();
    await page.locator('tbody tr').first().click();
    await page.getByRole('heading', { name: /^Order SB-/ }).waitFor();
    await page.getByLabel('Add a note (n)').fill('Customer asked for gift wrap');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Customer asked for gift wrap').waitFor();
    await shot('order-detail');
  }, 60_000);

  it('inventory: the list of styles', async () => {
    await open('/inventory', { role: 'warehouse' });
    await page.getByRole('table', { name: 'Styles' }).waitFor({ timeout: 30_000 });
    await shot('inventory-styles');
  }, 60_000);

  it('inventory: a style as a size x colour grid, with its history', async () => {
    await open(`/inventory?style=${ANA}`, { role: 'manager' });
    await page.getByRole('table', { name: 'Stock of Ana Pump' }).waitFor({ timeout: 30_000 });
    await page.getByRole('table', { name: 'Movement history' }).waitFor();
    await shot('inventory-grid');
  }, 60_000);

  it('inventory offline: the grid works, the history says where it is', async () => {
    await open(`/inventory?style=${ANA}&loc=${MAIN}`, { role: 'warehouse', offline: '1' });
    await page.getByText(/movement history is kept on the shop server/).waitFor({ timeout: 30_000 });
    await shot('inventory-offline');
  }, 60_000);

  it('cycle count: scans counted, then a wrong code refused', async () => {
    await open(`/inventory/count?style=${ANA}&loc=${MAIN}`, { role: 'warehouse', offline: '1' });
    const input = page.getByTestId('scan-input');
    await input.waitFor({ timeout: 30_000 });
    for (const code of [
      'ANA-PUMP-BLK-38',
      'ANA-PUMP-BLK-38',
      'ANA-PUMP-BLK-39',
      'ANA-PUMP-NUD-37',
      'ANA-PUMP-NUD-37',
    ]) {
      await input.fill(code);
      await input.press('Enter');
    }
    await expect.poll(() => page.getByTestId('count-totals').textContent()).toMatch(/Counted 5 of/);
    await shot('count');
    await input.fill('POR-BOOT-BLK-39');
    await input.press('Enter');
    await page.getByText('EU 39 Black: not this style').waitFor();
    expect(await page.getByTestId('scan-feedback').getAttribute('data-cue')).toBe('wrong');
    await shot('count-wrong-scan');
  }, 60_000);

  it('receive a delivery', async () => {
    await open(`/inventory/receive?loc=${MAIN}`, { role: 'warehouse' });
    const input = page.getByTestId('scan-input');
    await input.waitFor({ timeout: 30_000 });
    for (const code of ['LIS-LOAF-TAN-38', 'LIS-LOAF-TAN-38', 'LIS-LOAF-NAV-39', 'POR-BOOT-TAU-40']) {
      await input.fill(code);
      await input.press('Enter');
    }
    await page.getByRole('table', { name: 'Delivery lines' }).waitFor();
    await shot('receive');
  }, 60_000);

  it('products, and one product in the editor', async () => {
    await open('/products', { role: 'manager' });
    await page.getByRole('table', { name: 'Products' }).waitFor({ timeout: 30_000 });
    await shot('products');
    await page.getByText('Lisbon Loafer').click();
    await page.getByRole('table', { name: 'Variants' }).waitFor();
    await shot('product-detail');
  }, 60_000);

  it('needs attention', async () => {
    await open('/sync', { role: 'manager', attention: '1' });
    await page.getByTestId('attention-item').first().waitFor({ timeout: 30_000 });
    await shot('needs-attention');
  }, 60_000);

  it('needs attention, empty', async () => {
    await open('/sync', { role: 'warehouse' });
    await page.getByText('Nothing needs attention').waitFor({ timeout: 30_000 });
    await shot('needs-attention-empty');
  }, 60_000);

  it('keyboard cheat sheet on the inventory screen', async () => {
    await open(`/inventory?style=${ANA}`, { role: 'manager' });
    await page.getByRole('table', { name: 'Stock of Ana Pump' }).waitFor({ timeout: 30_000 });
    await page.locator('body').click({ position: { x: 1300, y: 860 } });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    // Let MUI's fade-in finish, so the picture is the dialog and not half of it.
    await expect
      .poll(() => page.locator('.MuiDialog-container').evaluate((el) => getComputedStyle(el).opacity))
      .toBe('1');
    await shot('cheat-sheet');
  }, 60_000);
});

describe('warehouse screens in chromium', () => {
  const scan = async (code: string) => {
    const input = page.getByTestId('scan-input');
    await input.fill(code);
    await input.press('Enter');
  };
  const packable = () =>
    page.evaluate(() =>
      (window as unknown as { harnessPackable(): { number: string; gtins: string[] } }).harnessPackable(),
    );

  it('pick: the open batches', async () => {
    await open('/pick', { role: 'warehouse' });
    // When this block runs alone (-t), its first page waits for vite to pre-bundle.
    await page.getByRole('table', { name: 'Open pick batches' }).waitFor({ timeout: 150_000 });
    await shot('pick-batches');
  }, 180_000);

  it('pick: a batch in walking order, two pairs picked', async () => {
    await open('/pick', { role: 'warehouse' });
    await page.getByRole('table', { name: 'Open pick batches' }).waitFor({ timeout: 60_000 });
    await page.locator('tbody tr').first().click();
    await page.getByTestId('current-stop').waitFor();
    for (let i = 0; i < 2; i++) {
      const code = await page.getByTestId('current-stop').locator('p').last().textContent();
      await scan(code!.split(' · ')[1]!);
      await expect
        .poll(() => page.getByTestId('pick-progress').textContent())
        .toMatch(new RegExp(`^${i + 1} of`));
    }
    await shot('pick');
  }, 120_000);

  it('pack station: mid-scan, a refusal, and done with the label printed', async () => {
    await open('/pack', { role: 'warehouse', offline: '1', trackingLeft: '38' });
    await page.getByTestId('scan-input').waitFor({ timeout: 60_000 });
    const order = await packable();
    await scan(order.number);
    await page.getByTestId('pack-line').first().waitFor();
    await scan(order.gtins[0]!);
    await expect.poll(() => page.getByTestId('pack-line-count').first().textContent()).toBe('1 of 1');
    await page.waitForTimeout(500); // the flash fades: the picture is the steady state
    await shot('pack');
    await scan(order.gtins[0]!);
    await page.getByText(/one too many/).waitFor();
    expect(await page.getByTestId('scan-feedback').getAttribute('data-cue')).toBe('wrong');
    await shot('pack-refused');
    await scan(order.gtins[1]!);
    await scan(order.gtins[2]!);
    await page.getByTestId('tracking-number').waitFor();
    await page.waitForTimeout(500);
    await shot('pack-done');
  }, 120_000);

  it('shipments', async () => {
    await open('/shipments', { role: 'warehouse' });
    await page.getByRole('table', { name: 'Shipments' }).waitFor({ timeout: 60_000 });
    await shot('shipments');
  }, 120_000);

  it('returns, and one return being inspected by a manager', async () => {
    await open('/returns', { role: 'manager' });
    await page.getByRole('table', { name: 'Returns' }).waitFor({ timeout: 60_000 });
    await shot('returns');
    await page.getByText('Expected').first().click();
    await page.getByRole('table', { name: 'Returned pairs' }).waitFor();
    await page.getByRole('button', { name: 'Restock' }).first().click();
    await shot('return-detail');
  }, 120_000);

  it('printers settings in browser mode', async () => {
    await open('/settings/printers', { role: 'owner' });
    await page.getByTestId('browser-mode-printers').waitFor({ timeout: 60_000 });
    await shot('printers');
  }, 120_000);
});

describe('managers and owners: money, settings (online only)', () => {
  it('order detail: the refund confirmation names the amount and the customer', async () => {
    await open('/orders?f.status=paid', { role: 'manager', orders: '60' });
    await page.getByRole('table', { name: 'Orders' }).waitFor({ timeout: 30_000 });
    await page.locator('tbody tr').first().click();
    await page.getByRole('button', { name: 'Refund…' }).click();
    await page.getByRole('radio', { name: 'Chosen lines' }).check();
    await page.getByRole('dialog').getByRole('checkbox').first().check();
    await page.getByLabel(/Why/).fill('Left shoe scuffed on arrival');
    await expect
      .poll(() => page.getByRole('dialog').getByRole('heading').textContent())
      .toMatch(/^Refund €\d/);
    await expect.poll(() => page.getByRole('button', { name: /^Refund €\d/ }).isEnabled()).toBe(true);
    await shot('order-refund-confirm');
  }, 60_000);

  it('order detail after a cancel: the reason in the timeline', async () => {
    await open('/orders?f.status=paid', { role: 'owner', orders: '60' });
    await page.getByRole('table', { name: 'Orders' }).waitFor({ timeout: 30_000 });
    await page.locator('tbody tr').first().click();
    await page.getByRole('button', { name: 'Cancel order…' }).click();
    await page.getByLabel(/Why/).fill('Customer ordered the wrong size twice');
    await page.getByRole('button', { name: 'Cancel the order' }).click();
    await page.getByText('Cancelled: Customer ordered the wrong size twice', { exact: true }).waitFor();
    await shot('order-cancelled');
  }, 60_000);

  it('settings index, staff, devices, API keys, audit log, locations, two-factor', async () => {
    await open('/settings', { role: 'owner', orders: '5' });
    await page.getByRole('list', { name: 'Settings sections' }).waitFor({ timeout: 30_000 });
    await shot('settings');
    for (const [path, ready, name] of [
      ['/settings/staff', 'Staff', 'settings-staff'],
      ['/settings/devices', 'Devices', 'settings-devices'],
      ['/settings/api-keys', 'API keys', 'settings-api-keys'],
      ['/settings/audit-log', 'Audit log', 'settings-audit-log'],
    ] as const) {
      await open(path, { role: 'owner', orders: '5' });
      await page.getByRole('table', { name: ready }).waitFor({ timeout: 30_000 });
      await shot(name);
    }
    await open('/settings/locations', { role: 'owner', orders: '5' });
    await page.getByRole('list', { name: 'Bins in Main stockroom' }).waitFor({ timeout: 30_000 });
    await shot('settings-locations');
    await open('/settings/staff', { role: 'owner', orders: '5' });
    await page.getByRole('table', { name: 'Staff' }).waitFor({ timeout: 30_000 });
    await page.getByText('Marta Manager').click();
    await page.getByRole('table', { name: 'Sign-in history' }).waitFor();
    await shot('settings-staff-person');
    await open('/settings/security', { role: 'manager', orders: '5' });
    await page.getByRole('button', { name: 'Set up two-factor' }).click({ timeout: 30_000 });
    await page.getByTestId('two-factor-secret').waitFor();
    await shot('settings-two-factor');
    await open('/settings/devices', { role: 'owner', orders: '5', offline: '1' });
    await page.getByText(/Managing devices needs a connection/).waitFor({ timeout: 30_000 });
    await shot('settings-offline');
  }, 300_000);
});
