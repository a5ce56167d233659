/**
 * Two-factor sign-in on the desktop (browser mode), end to end: a demo manager with two-factor
 * set up through the real API signs in with the password, the form asks for the code, a wrong
 * code is refused in words and the right one opens the frame. The desktop backend holds the
 * challenge token; the renderer only learns that a code is needed.
 * SHOEBOX_SCREENSHOTS=1 writes the screenshot to docs/screenshots/ (else to a temp folder).
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
import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../chromium.ts';

const shots = process.env.SHOEBOX_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'shoebox-shots-'));

let api: ApiProcess;
let host: TestHost;
let browser: Browser;
let page: Page;
let secret: string;

const codeAt = (steps: number) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** Sets up two-factor for the demo manager as they would in the API, and returns the secret. */
async function enrolManager(apiUrl: string): Promise<string> {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(res.status).toBe(200);
    return res.json();
  };
  const { accessToken } = await post('/admin/auth/sign-in', demoStaff.manager);
  const started = await post('/admin/me/two-factor', null, accessToken);
  await post('/admin/me/two-factor/confirm', { code: generateSync({ secret: started.secret }) }, accessToken);
  return started.secret;
}

beforeAll(async () => {
  [api] = await Promise.all([startApi(), buildRenderer()]);
  secret = await enrolManager(api.url);
  host = await startTestHost({ apiUrl: api.url, probeIntervalMs: 300 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await api?.dispose();
});

describe('desktop sign-in with two-factor against a real API', () => {
  it('asks for the code after the password, refuses a wrong one, and signs in with the right one', async () => {
    await page.goto(host.url);
    await page.getByLabel('Email').fill(demoStaff.manager.email);
    await page.getByLabel('Password').fill(demoStaff.manager.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByTestId('two-factor-step').waitFor();
    expect(await page.getByTestId('two-factor-step').textContent()).toContain(demoStaff.manager.email);
    const valid = [-1, 0, 1].map(codeAt);
    const wrong = ['135790', '864200', '111111'].find((c) => !valid.includes(c))!;
    await page.getByLabel('Code').fill(wrong);
    await page.getByRole('button', { name: 'Confirm code' }).click();
    await expect.poll(() => page.getByTestId('error-code').textContent()).toBe('Code: MFA_CODE_INVALID');
    await page.getByLabel('Code').fill('');
    await page.screenshot({ path: join(shots, 'desktop-sign-in-code.png') });

    await page.getByLabel('Code').fill(codeAt(1));
    await page.getByRole('button', { name: 'Confirm code' }).click();
    await page.getByTestId('navigation').waitFor();
    expect(await page.getByTestId('role').textContent()).toBe('Manager');
  });
});
