/**
 * The desktop in browser mode, end to end: Debian's chromium drives the built renderer served by
 * the host, whose backend talks to a real store-api (embedded SQLite, demo shop).
 * SHOEBOX_SCREENSHOTS=1 writes the screenshots to docs/screenshots/ (else to a temp folder).
 */
import { mkdtempSync } from 'node:fs';
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
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const shots = process.env.SHOEBOX_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'shoebox-shots-'));

let api: ApiProcess;
let host: TestHost;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  [api] = await Promise.all([startApi(), buildRenderer()]);
  host = await startTestHost({ apiUrl: api.url, probeIntervalMs: 300 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await api?.dispose();
});

const syncState = () => page.getByTestId('sync-state');

describe('desktop in browser mode against a real API', () => {
  it('signs a warehouse user in to a frame without money, online', async () => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').click();
    await page.screenshot({ path: join(shots, 'desktop-sign-in.png') });

    await page.getByLabel('Email').fill(demoStaff.warehouse.email);
    await page.getByLabel('Password').fill(demoStaff.warehouse.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByTestId('navigation').waitFor();
    expect(await page.getByTestId('shop-name').textContent()).toContain('Shoebox Test Shop');
    expect(await page.getByTestId('role').textContent()).toBe('Warehouse');
    const nav = await page.getByTestId('navigation').textContent();
    expect(nav).toContain('Home');
    expect(nav).toContain('About this device');
    await expect.poll(() => syncState().textContent()).toBe('Online');
    expect(await page.locator('body').textContent()).not.toMatch(/revenue|price|refund|€/i);
    await page.screenshot({ path: join(shots, 'desktop-home-online.png') });
  });

  it('shows offline in words and a banner when the API stops, and online again when it is back', async () => {
    await api.stop();
    await expect.poll(() => syncState().textContent(), { timeout: 10_000 }).toBe('Offline');
    expect(await page.getByTestId('offline-banner').textContent()).toMatch(
      /Offline: the shop server cannot be reached/,
    );
    await page.screenshot({ path: join(shots, 'desktop-home-offline.png') });

    await api.start();
    await expect.poll(() => syncState().textContent(), { timeout: 20_000 }).toBe('Online');
    expect(await page.getByTestId('offline-banner').count()).toBe(0);
  });

  it('opens About this device with g then s, showing the device and the server', async () => {
    await page.locator('body').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.getByRole('heading', { name: 'About this device' }).waitFor();
    expect(await page.getByRole('table', { name: 'This device' }).textContent()).toContain(api.url);
    await page.screenshot({ path: join(shots, 'desktop-about.png') });
  });

  it('ran under the strict CSP without a single violation (emotion styles carry the nonce)', () => {
    expect(cspViolations).toEqual([]);
  });
});
