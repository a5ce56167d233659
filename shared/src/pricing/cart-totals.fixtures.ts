/**
 * Inputs shared by the cart-totals-*.test.ts files. Plain data only: shared may import
 * vitest and fast-check in *.test.ts files alone (scripts/check-boundaries.mjs).
 */
import type { CartLineInput, CartPricingInput } from './cart-totals.ts';
import type { Coupon } from './coupons.ts';
import { houseCarrierMethods } from './shipping-rates.ts';
import { DEFAULT_SHOP_COUNTRY, defaultTaxRates } from './tax.ts';

export const NOW = Date.UTC(2025, 5, 15, 12);

export const line = (
  sku: string,
  quantity: number,
  unitPriceMinor: number,
  weightGrams: number,
): CartLineInput => ({
  variantId: `v-${sku}`,
  sku,
  quantity,
  unitPriceMinor,
  compareAtMinor: null,
  weightGrams,
});

export const cart = (extra: Partial<CartPricingInput> = {}): CartPricingInput => ({
  lines: [],
  currency: 'EUR',
  shippingMethods: houseCarrierMethods,
  taxRates: defaultTaxRates,
  defaultCountry: DEFAULT_SHOP_COUNTRY,
  now: NOW,
  ...extra,
});

export const percent = (code: string, bp: number, extra: Partial<Coupon> = {}): Coupon => ({
  code,
  kind: 'percentage',
  percentBasisPoints: bp,
  ...extra,
});

export const pump = line('MILA-NUDE-38', 2, 8995, 900);
export const boot = line('ROSA-BLACK-39', 1, 12_900, 1200);
