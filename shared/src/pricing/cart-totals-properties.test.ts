import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vatIncluded } from '../money.ts';
import { type CartPricingInput, computeCartTotals } from './cart-totals.ts';
import { NOW } from './cart-totals.fixtures.ts';
import type { Coupon } from './coupons.ts';
import { houseCarrierMethods } from './shipping-rates.ts';
import { DEFAULT_SHOP_COUNTRY, defaultTaxRates } from './tax.ts';

const lineArb = fc.record({
  variantId: fc.uuid(),
  sku: fc.constantFrom('MILA-NUDE-38', 'ROSA-BLACK-39', 'IVY-RED-37'),
  quantity: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }) },
  ),
  unitPriceMinor: fc.oneof(
    fc.integer({ min: 0, max: 50_000 }),
    fc.constant(0),
    fc.integer({ min: 0, max: 5_000_000 }),
  ),
  compareAtMinor: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  weightGrams: fc.integer({ min: 0, max: 1200 }),
});

// Mostly no window, so that most generated coupons apply; sometimes one around `now`.
const window = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        startsAt: fc.integer({ min: NOW - 1000, max: NOW + 500 }),
        endsAt: fc.integer({ min: NOW + 501, max: NOW + 3000 }),
      },
      { requiredKeys: [] },
    ),
  },
);

const couponArb: fc.Arbitrary<Coupon> = fc.oneof(
  fc
    .record({
      percentBasisPoints: fc.integer({ min: 1, max: 10_000 }),
      freeShipping: fc.boolean(),
      window,
      usageLimitTotal: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      usageLimitPerCustomer: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      minimumSpendMinor: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null, freq: 2 }),
    })
    .map(({ window: w, ...c }) => ({
      code: 'PROP',
      kind: 'percentage' as const,
      currency: 'EUR' as const,
      ...w,
      ...c,
    })),
  fc
    .record({
      amountMinor: fc.integer({ min: 0, max: 200_000 }),
      currency: fc.constantFrom('EUR' as const, 'EUR' as const, 'EUR' as const, 'GBP' as const),
      freeShipping: fc.boolean(),
      window,
      minimumSpendMinor: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null, freq: 2 }),
    })
    .map(({ window: w, ...c }) => ({ code: 'PROPFIX', kind: 'fixed' as const, ...w, ...c })),
);

const inputArb: fc.Arbitrary<CartPricingInput> = fc.record({
  lines: fc.array(lineArb, { minLength: 0, maxLength: 6 }),
  currency: fc.constant('EUR' as const),
  coupon: fc.option(couponArb, { nil: null }),
  couponUsage: fc.option(fc.record({ total: fc.nat(6), byCustomer: fc.nat(4) }), { nil: undefined }),
  customerId: fc.option(fc.constant('c-1'), { nil: null }),
  destination: fc.option(
    fc.record({ country: fc.constantFrom('IE', 'DE', 'FR', 'GB', 'CH', 'US', 'JP', 'PL', 'ie') }),
    { nil: null, freq: 5 },
  ),
  shippingMethodId: fc.option(
    fc.constantFrom('house-standard', 'house-standard', 'house-express', 'pigeon'),
    {
      nil: null,
    },
  ),
  shippingMethods: fc.constant(houseCarrierMethods),
  taxRates: fc.constant(defaultTaxRates),
  defaultCountry: fc.constant(DEFAULT_SHOP_COUNTRY),
  now: fc.integer({ min: NOW - 1500, max: NOW + 3500 }),
});

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

describe('computeCartTotals: invariants (property-based)', () => {
  it('holds for any valid cart', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const t = computeCartTotals(input);
        const amounts = [
          t.subtotalMinor,
          t.discountMinor,
          t.shippingMinor,
          t.taxMinor,
          t.totalMinor,
          t.weightGrams,
          ...t.lines.flatMap((l) => [l.lineSubtotalMinor, l.discountMinor, l.lineTotalMinor, l.taxMinor]),
        ];
        for (const n of amounts) {
          expect(Number.isSafeInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
        }
        expect(t.totalMinor).toBe(t.subtotalMinor - t.discountMinor + t.shippingMinor);
        expect(t.discountMinor).toBeLessThanOrEqual(t.subtotalMinor);
        expect(sum(t.lines.map((l) => l.discountMinor))).toBe(t.discountMinor);
        expect(sum(t.lines.map((l) => l.lineTotalMinor))).toBe(t.subtotalMinor - t.discountMinor);
        expect(sum(t.lines.map((l) => l.lineSubtotalMinor))).toBe(t.subtotalMinor);
        for (const l of t.lines) {
          expect(l.discountMinor).toBeLessThanOrEqual(l.lineSubtotalMinor);
          expect(l.lineTotalMinor).toBe(l.lineSubtotalMinor - l.discountMinor);
          expect(l.taxMinor).toBe(vatIncluded(l.lineTotalMinor, t.taxRateBasisPoints));
        }
        expect(t.taxMinor).toBe(
          sum(t.lines.map((l) => l.taxMinor)) + vatIncluded(t.shippingMinor, t.taxRateBasisPoints),
        );
        expect(t.taxMinor).toBeLessThanOrEqual(t.totalMinor);
        expect(t.shippingMinor).toBe(t.shipping?.priceMinor ?? 0);
        if (t.coupon && !t.coupon.applied) expect(t.discountMinor).toBe(0);
        if (t.shipping) expect(t.availableShipping).toContainEqual(t.shipping);
        // Deterministic: the same input prices the same.
        expect(computeCartTotals(input)).toEqual(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('spreads the discount in proportion: each line within one cent of its exact share', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const t = computeCartTotals(input);
        if (t.subtotalMinor === 0) return;
        for (const l of t.lines) {
          const exact = (t.discountMinor * l.lineSubtotalMinor) / t.subtotalMinor;
          expect(Math.abs(l.discountMinor - exact)).toBeLessThan(1 + 1e-9);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
