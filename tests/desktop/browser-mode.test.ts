/**
 * The desktop in browser mode, end to end: Debian's chromium drives the built renderer served by
 * the host, whose backend talks to a real store-api (embedded SQLite, demo shop).
 * SHOEBOX_SCREENSHOTS=1 writes the screenshots to docs/screenshots/ (else to a temp folder).
 */
import { mkdtempSync, rmSync } from 'node:fs';
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
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const shots = process.env.SHOEBOX_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'shoebox-shots-'));

/** Kept across the host's restart, like an installed app's data folder. */
const dataDir = mkdtempSync(join(tmpdir(), 'shoebox-desktop-data-'));
let api: ApiProcess;
let host: TestHost;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  [api] = await Promise.all([startApi(), buildRenderer()]);
  host = await startTestHost({ apiUrl: api.url, probeIntervalMs: 300, dataDir });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await api?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
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
    expect(nav).toContain('Dashboard');
    expect(nav).toContain('About this device');
    // The first sync pulls the whole demo shop (about a second on a quiet machine): wait for it.
    await expect.poll(() => syncState().textContent(), { timeout: 30_000 }).toBe('Online');
    expect(await page.locator('body').textContent()).not.toMatch(/revenue|price|refund|€/i);
    await page.screenshot({ path: join(shots, 'desktop-home-online.png') });
  });

  it('shows offline in words when the API stops, signs in offline after a restart, and is online again when the API is back', async () => {
    await api.stop();
    await expect.poll(() => syncState().textContent(), { timeout: 10_000 }).toBe('Offline');
    expect(await page.getByTestId('offline-banner').textContent()).toMatch(
      /Offline: the shop server cannot be reached/,
    );
    await page.screenshot({ path: join(shots, 'desktop-home-offline.png') });

    // The app restarts while the server is still away: the warehouse user, who signed in here
    // before, gets in with the saved session; someone who never did is told why not.
    await host.close();
    host = await startTestHost({ apiUrl: api.url, probeIntervalMs: 300, dataDir });
    await page.goto(host.url);
    await page.getByTestId('offline-sign-in').waitFor();
    await page.getByLabel('Email').fill(demoStaff.manager.email);
    await page.getByLabel('Password').fill(demoStaff.manager.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('error-code').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Code:' }).textContent()).toMatch(
      /no saved sign-in for that email.*OFFLINE_NO_SAVED_SESSION/,
    );
    await page.screenshot({ path: join(shots, 'desktop-sign-in-offline.png') });
    await page.getByLabel('Email').fill(demoStaff.warehouse.email);
    await page.getByLabel('Password').fill(demoStaff.warehouse.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in offline').waitFor();
    await expect.poll(() => syncState().textContent()).toBe('Offline');

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
