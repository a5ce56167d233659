/**
 * Debian's chromium driven by playwright-core, with the flags environment.md measured for
 * containers and CI. Every browser test (storefront, desktop browser mode) launches it here.
 */
import { type Browser, chromium } from 'playwright-core';

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
}
