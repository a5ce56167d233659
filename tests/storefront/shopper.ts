/** What a shopper does in the storefront, step by step, shared by the e2e tests and the screenshot script. */
import type { Page } from 'playwright-core';

export const DEMO_CARDS = { ok: '4242424242424242', declined: '4000000000000002' } as const;

export const dublin = {
  name: 'Ana Silva',
  line1: '1 Grafton Street',
  city: 'Dublin',
  postalCode: 'D02 X285',
};

/** Picks the first size button that is enabled (in stock) and adds it to the bag. */
export async function addFirstInStockSize(page: Page): Promise<string> {
  const size = page.locator('.size-grid button:not([disabled])').first();
  const label = (await size.textContent()) ?? '';
  await size.click();
  await page.getByRole('button', { name: 'Add to bag' }).click();
  await page.getByText(/^Added:/).waitFor();
  return label;
}

export async function fillContact(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mail for your receipt').fill(email);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
}

export async function fillAddress(page: Page, address: Partial<typeof dublin> = {}): Promise<void> {
  const a = { ...dublin, ...address };
  await page.getByLabel('Full name').fill(a.name);
  await page.getByLabel('Address', { exact: true }).fill(a.line1);
  await page.getByLabel('Town or city').fill(a.city);
  await page.getByLabel('Postcode').fill(a.postalCode);
  await page.getByRole('button', { name: 'Continue to delivery options' }).click();
}

/**
 * Contact, address, the first delivery method; ends on the payment step. A signed-in shopper's
 * bag has their e-mail already (`email` null): the contact step is done.
 */
export async function checkoutToPayment(page: Page, email: string | null): Promise<void> {
  await page.goto('/checkout');
  if (email !== null) await fillContact(page, email);
  await fillAddress(page);
  // The method is saved on the server first; the radio shows checked once the cart answers.
  await page.getByRole('radio').first().click();
  await page.locator('input[name="shipping-method"]:checked').waitFor();
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.getByText('Demo payment.').waitFor();
}

export async function payWith(page: Page, card: string): Promise<void> {
  await page.getByLabel('Card number (demo)').fill(card);
  await page.getByRole('button', { name: /^Pay / }).click();
}

export interface Shopper {
  name: string;
  email: string;
  password: string;
}

/** Creates an account on /account; ends on the signed-in account page. */
export async function register(page: Page, who: Shopper): Promise<void> {
  await page.goto('/account');
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: `Hello, ${who.name}` }).waitFor();
}

export async function signIn(page: Page, who: Pick<Shopper, 'email' | 'password'>): Promise<void> {
  await page.goto('/account');
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}
