import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vatIncluded } from '../money.ts';
import {
  type CartLineInput,
  type CartPricingInput,
  type CartTotals,
  computeCartTotals,
  validateCartPricingInput,
} from './cart-totals.ts';
import type { Coupon } from './coupons.ts';
import { houseCarrierMethods } from './shipping-rates.ts';
import { DEFAULT_SHOP_COUNTRY, defaultTaxRates } from './tax.ts';

const NOW = Date.UTC(2025, 5, 15, 12);

const line = (sku: string, quantity: number, unitPriceMinor: number, weightGrams: number): CartLineInput => ({
  variantId: `v-${sku}`,
  sku,
  quantity,
  unitPriceMinor,
  compareAtMinor: null,
  weightGrams,
});

const cart = (extra: Partial<CartPricingInput> = {}): CartPricingInput => ({
  lines: [],
  currency: 'EUR',
  shippingMethods: houseCarrierMethods,
  taxRates: defaultTaxRates,
  defaultCountry: DEFAULT_SHOP_COUNTRY,
  now: NOW,
  ...extra,
});

const percent = (code: string, bp: number, extra: Partial<Coupon> = {}): Coupon => ({
  code,
  kind: 'percentage',
  percentBasisPoints: bp,
  ...extra,
});

const pump = line('MILA-NUDE-38', 2, 8995, 900);
const boot = line('ROSA-BLACK-39', 1, 12_900, 1200);

describe('computeCartTotals: worked examples', () => {
  it('2 x 89.95 + 1 x 129.00 with 10% off, standard to Ireland (free over 100.00)', () => {
    // Subtotals: 2 x 8995 = 17990; 1 x 12900 = 12900; subtotal 30890.
    // 10% of 30890 = 3089.0 -> 3089. Split 17990:12900 -> 1799 + 1290 (exact).
    // Line totals 16191 + 11610 = 27801 = 30890 - 3089.
    // Parcel: 2 x 900 + 1200 = 3000 g + 300 g + 2 x 100 g = 3500 g -> 5 kg band, table 7.95,
    // but goods 27801 >= 10000 -> free. Total 27801.
    // VAT 23%: 16191 * 2300 / 12300 = 3027.59 -> 3028; 11610 * 2300 / 12300 = 2170.98 -> 2171;
    // shipping 0 -> 0. Tax 5199.
    const totals = computeCartTotals(
      cart({
        lines: [pump, boot],
        coupon: percent('spring10', 1000),
        destination: { country: 'IE' },
        shippingMethodId: 'house-standard',
      }),
    );
    expect(totals).toEqual<CartTotals>({
      currency: 'EUR',
      lines: [
        {
          variantId: 'v-MILA-NUDE-38',
          sku: 'MILA-NUDE-38',
          quantity: 2,
          unitPriceMinor: 8995,
          lineSubtotalMinor: 17_990,
          discountMinor: 1799,
          lineTotalMinor: 16_191,
          taxMinor: 3028,
        },
        {
          variantId: 'v-ROSA-BLACK-39',
          sku: 'ROSA-BLACK-39',
          quantity: 1,
          unitPriceMinor: 12_900,
          lineSubtotalMinor: 12_900,
          discountMinor: 1290,
          lineTotalMinor: 11_610,
          taxMinor: 2171,
        },
      ],
      subtotalMinor: 30_890,
      discountMinor: 3089,
      shippingMinor: 0,
      taxMinor: 5199,
      totalMinor: 27_801,
      taxCountry: 'IE',
      taxRateBasisPoints: 2300,
      weightGrams: 3500,
      coupon: { code: 'SPRING10', applied: true, freeShipping: false },
      shipping: {
        methodId: 'house-standard',
        name: 'Standard delivery',
        service: 'standard',
        zone: 'domestic',
        currency: 'EUR',
        etaDays: { min: 1, max: 3 },
        priceMinor: 0,
        tablePriceMinor: 795,
        freeOverMinor: 10_000,
      },
      shippingIssue: null,
      availableShipping: [
        {
          methodId: 'house-standard',
          name: 'Standard delivery',
          service: 'standard',
          zone: 'domestic',
          currency: 'EUR',
          etaDays: { min: 1, max: 3 },
          priceMinor: 0,
          tablePriceMinor: 795,
          freeOverMinor: 10_000,
        },
        {
          methodId: 'house-express',
          name: 'Express delivery',
          service: 'express',
          zone: 'domestic',
          currency: 'EUR',
          etaDays: { min: 1, max: 1 },
          priceMinor: 1495,
          tablePriceMinor: 1495,
          freeOverMinor: null,
        },
      ],
    });
  });

  const summary = (t: CartTotals) => ({
    lines: t.lines.map((l) => [l.lineSubtotalMinor, l.discountMinor, l.lineTotalMinor, l.taxMinor]),
    subtotal: t.subtotalMinor,
    discount: t.discountMinor,
    shipping: t.shippingMinor,
    tax: t.taxMinor,
    total: t.totalMinor,
    weight: t.weightGrams,
    taxCountry: t.taxCountry,
    zone: t.shipping?.zone ?? null,
  });

  it.each([
    {
      name: '59.95 + 69.95 with 15% off, standard to Germany',
      // Subtotal 5995 + 6995 = 12990; 15% = 1948.5 -> half up 1949.
      // Split 1949 over 5995:6995: exact 899.48 and 1049.52 -> floors 899 + 1049 = 1948,
      // the left-over cent goes to the larger remainder (0.52) -> 899 + 1050.
      // Line totals 5096 + 5945 = 11041. Parcel 800 + 1100 + 300 + 100 = 2300 g -> EU 5 kg band 16.95.
      // VAT 19%: 5096 * 1900 / 11900 = 813.65 -> 814; 5945 -> 949.20 -> 949; 1695 -> 270.63 -> 271.
      // Tax 2034; total 12990 - 1949 + 1695 = 12736.
      input: cart({
        lines: [line('A-1', 1, 5995, 800), line('B-1', 1, 6995, 1100)],
        coupon: percent('FIFTEEN', 1500),
        destination: { country: 'de' },
        shippingMethodId: 'house-standard',
      }),
      expected: {
        lines: [
          [5995, 899, 5096, 814],
          [6995, 1050, 5945, 949],
        ],
        subtotal: 12_990,
        discount: 1949,
        shipping: 1695,
        tax: 2034,
        total: 12_736,
        weight: 2300,
        taxCountry: 'DE',
        zone: 'eu',
      },
    },
    {
      name: '129.00 with 20.00 off over 100.00, express to Great Britain',
      // Subtotal 12900 >= 10000, discount 2000, line total 10900.
      // Parcel 1400 + 300 = 1700 g -> 2 kg band, europe_other express 34.95.
      // VAT 20%: 10900 * 2000 / 12000 = 1816.67 -> 1817; 3495 * 2000 / 12000 = 582.5 -> half up 583.
      // Tax 2400; total 12900 - 2000 + 3495 = 14395.
      input: cart({
        lines: [line('C-1', 1, 12_900, 1400)],
        coupon: {
          code: 'TWENTY',
          kind: 'fixed',
          amountMinor: 2000,
          currency: 'EUR',
          minimumSpendMinor: 10_000,
        },
        destination: { country: 'GB' },
        shippingMethodId: 'house-express',
      }),
      expected: {
        lines: [[12_900, 2000, 10_900, 1817]],
        subtotal: 12_900,
        discount: 2000,
        shipping: 3495,
        tax: 2400,
        total: 14_395,
        weight: 1700,
        taxCountry: 'GB',
        zone: 'europe_other',
      },
    },
    {
      name: '89.95 standard to the US: zero-rated, same gross price',
      // Parcel 900 + 300 = 1200 g -> world 2 kg band 32.95. Rate 0 -> tax 0. Total 8995 + 3295 = 12290.
      input: cart({
        lines: [line('D-1', 1, 8995, 900)],
        destination: { country: 'US' },
        shippingMethodId: 'house-standard',
      }),
      expected: {
        lines: [[8995, 0, 8995, 0]],
        subtotal: 8995,
        discount: 0,
        shipping: 3295,
        tax: 0,
        total: 12_290,
        weight: 1200,
        taxCountry: 'US',
        zone: 'world',
      },
    },
    {
      name: '89.95 standard to Japan: no configured rate, taxed at the shop rate',
      // World 2 kg band 32.95. VAT 23% (IE): 8995 * 2300 / 12300 = 1681.99 -> 1682;
      // 3295 * 2300 / 12300 = 616.14 -> 616. Tax 2298; total 12290.
      input: cart({
        lines: [line('D-1', 1, 8995, 900)],
        destination: { country: 'JP' },
        shippingMethodId: 'house-standard',
      }),
      expected: {
        lines: [[8995, 0, 8995, 1682]],
        subtotal: 8995,
        discount: 0,
        shipping: 3295,
        tax: 2298,
        total: 12_290,
        weight: 1200,
        taxCountry: 'IE',
        zone: 'world',
      },
    },
    {
      name: '3 x 33.33 + 1 x 33.33 with 10.00 off, before a destination is known',
      // Lines 9999 and 3333 (1 unit), subtotal 13332; fixed 1000 split 9999:3333 = 3:1 -> 750 + 250.
      // Totals 9249 + 3083. No destination: tax at IE 23%:
      // 9249 * 2300 / 12300 = 1729.48 -> 1729; 3083 * 2300 / 12300 = 576.49 -> 576. Tax 2305.
      // No shipping without a destination; parcel 3 x 500 + 500 + 300 + 300 = 2600 g.
      input: cart({
        lines: [line('E-1', 3, 3333, 500), line('F-1', 1, 3333, 500)],
        coupon: { code: 'TENNER', kind: 'fixed', amountMinor: 1000, currency: 'EUR' },
      }),
      expected: {
        lines: [
          [9999, 750, 9249, 1729],
          [3333, 250, 3083, 576],
        ],
        subtotal: 13_332,
        discount: 1000,
        shipping: 0,
        tax: 2305,
        total: 12_332,
        weight: 2600,
        taxCountry: 'IE',
        zone: null,
      },
    },
  ])('$name', ({ input, expected }) => {
    expect(summary(computeCartTotals(input))).toEqual(expected);
  });
});

describe('computeCartTotals: coupons', () => {
  it('a rejected coupon leaves the totals undiscounted and says why', () => {
    const totals = computeCartTotals(
      cart({
        lines: [line('D-1', 1, 8995, 900)],
        coupon: {
          code: 'twenty',
          kind: 'fixed',
          amountMinor: 2000,
          currency: 'EUR',
          minimumSpendMinor: 10_000,
        },
      }),
    );
    expect(totals.coupon).toEqual({
      code: 'TWENTY',
      applied: false,
      reason: 'COUPON_MINIMUM_SPEND_NOT_MET',
      shortByMinor: 1005,
      freeShipping: false,
    });
    expect(totals.discountMinor).toBe(0);
    expect(totals.totalMinor).toBe(8995);
    expect(totals.lines[0]!.discountMinor).toBe(0);
  });

  it.each([
    ['COUPON_NOT_STARTED', percent('SOON', 1000, { startsAt: NOW + 1 }), {}],
    ['COUPON_EXPIRED', percent('OLD', 1000, { endsAt: NOW }), {}],
    ['COUPON_CURRENCY_MISMATCH', percent('POUNDS', 1000, { currency: 'GBP' }), {}],
    [
      'COUPON_USAGE_LIMIT_REACHED',
      percent('GONE', 1000, { usageLimitTotal: 3 }),
      { couponUsage: { total: 3, byCustomer: 0 } },
    ],
    ['COUPON_REQUIRES_ACCOUNT', percent('ONCE', 1000, { usageLimitPerCustomer: 1 }), { customerId: null }],
    [
      'COUPON_CUSTOMER_LIMIT_REACHED',
      percent('ONCE', 1000, { usageLimitPerCustomer: 1 }),
      { customerId: 'c-1', couponUsage: { total: 1, byCustomer: 1 } },
    ],
  ] as const)('%s comes back unapplied with the reason', (reason, coupon, extra) => {
    const totals = computeCartTotals(cart({ lines: [pump], coupon, ...extra }));
    expect(totals.coupon).toEqual({ code: coupon.code, applied: false, reason, freeShipping: false });
    expect(totals.discountMinor).toBe(0);
    expect(totals.totalMinor).toBe(17_990);
  });

  it('a free-shipping coupon waives standard shipping abroad but not express', () => {
    const input = cart({
      lines: [line('D-1', 1, 8995, 900)],
      coupon: { code: 'SHIPFREE', kind: 'fixed', amountMinor: 0, currency: 'EUR', freeShipping: true },
      destination: { country: 'FR' },
    });
    const standard = computeCartTotals({ ...input, shippingMethodId: 'house-standard' });
    expect(standard.coupon).toEqual({ code: 'SHIPFREE', applied: true, freeShipping: true });
    expect(standard.shippingMinor).toBe(0);
    expect(standard.totalMinor).toBe(8995);
    const express = computeCartTotals({ ...input, shippingMethodId: 'house-express' });
    expect(express.shippingMinor).toBe(2495);
    expect(express.totalMinor).toBe(8995 + 2495);
  });

  it('the free-shipping threshold counts goods after the discount', () => {
    // 105.00 of goods, 10% off -> 94.50 < 100.00: domestic standard costs 5.95 (1200 g).
    const input = cart({
      lines: [line('G-1', 1, 10_500, 900)],
      destination: { country: 'IE' },
      shippingMethodId: 'house-standard',
    });
    expect(computeCartTotals(input).shippingMinor).toBe(0);
    expect(computeCartTotals({ ...input, coupon: percent('TEN', 1000) }).shippingMinor).toBe(595);
  });
});

describe('computeCartTotals: shipping selection', () => {
  it('quotes nothing and selects nothing without a destination', () => {
    const totals = computeCartTotals(cart({ lines: [pump] }));
    expect(totals.availableShipping).toEqual([]);
    expect(totals.shipping).toBeNull();
    expect(totals.shippingIssue).toBeNull();
  });

  it('flags a chosen method without a destination', () => {
    const totals = computeCartTotals(cart({ lines: [pump], shippingMethodId: 'house-standard' }));
    expect(totals.shippingIssue).toBe('SHIPPING_DESTINATION_REQUIRED');
    expect(totals.shippingMinor).toBe(0);
  });

  it('flags an unknown method or one the parcel is too heavy for', () => {
    const heavy = line('H-1', 10, 5000, 1000); // 10000 + 300 + 900 = 11200 g: over express's 10 kg
    const input = cart({ lines: [heavy], destination: { country: 'IE' } });
    const express = computeCartTotals({ ...input, shippingMethodId: 'house-express' });
    expect(express.weightGrams).toBe(11_200);
    expect(express.shipping).toBeNull();
    expect(express.shippingIssue).toBe('SHIPPING_METHOD_UNAVAILABLE');
    expect(express.availableShipping.map((q) => q.methodId)).toEqual(['house-standard']);
    expect(computeCartTotals({ ...input, shippingMethodId: 'pigeon' }).shippingIssue).toBe(
      'SHIPPING_METHOD_UNAVAILABLE',
    );
  });

  it('offers no methods priced in another currency', () => {
    const totals = computeCartTotals(
      cart({
        lines: [pump],
        currency: 'GBP',
        destination: { country: 'GB' },
        shippingMethodId: 'house-standard',
      }),
    );
    expect(totals.availableShipping).toEqual([]);
    expect(totals.shippingIssue).toBe('SHIPPING_METHOD_UNAVAILABLE');
  });

  it('an empty cart costs nothing and ships nothing', () => {
    const totals = computeCartTotals(cart({ destination: { country: 'IE' }, coupon: percent('TEN', 1000) }));
    expect(totals).toMatchObject({
      lines: [],
      subtotalMinor: 0,
      discountMinor: 0,
      shippingMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
      weightGrams: 0,
      availableShipping: [],
      coupon: { code: 'TEN', applied: true },
    });
  });
});

describe('validateCartPricingInput', () => {
  const codes = (input: CartPricingInput) => {
    const result = validateCartPricingInput(input);
    return result.ok ? [] : result.error.map((e) => [e.code, e.path]);
  };

  it('accepts a valid cart and returns it', () => {
    const input = cart({ lines: [pump, boot] });
    expect(validateCartPricingInput(input)).toEqual({ ok: true, value: input });
  });

  it.each([
    [
      'zero quantity',
      cart({ lines: [{ ...pump, quantity: 0 }] }),
      [['CART_INVALID_QUANTITY', 'lines.0.quantity']],
    ],
    [
      'negative quantity',
      cart({ lines: [{ ...pump, quantity: -1 }] }),
      [['CART_INVALID_QUANTITY', 'lines.0.quantity']],
    ],
    [
      'fractional quantity',
      cart({ lines: [{ ...pump, quantity: 1.5 }] }),
      [['CART_INVALID_QUANTITY', 'lines.0.quantity']],
    ],
    [
      'negative price',
      cart({ lines: [{ ...pump, unitPriceMinor: -1 }] }),
      [['CART_INVALID_PRICE', 'lines.0.unitPriceMinor']],
    ],
    [
      'fractional price',
      cart({ lines: [{ ...pump, unitPriceMinor: 89.95 }] }),
      [['CART_INVALID_PRICE', 'lines.0.unitPriceMinor']],
    ],
    [
      'negative compare-at price',
      cart({ lines: [{ ...pump, compareAtMinor: -5 }] }),
      [['CART_INVALID_PRICE', 'lines.0.compareAtMinor']],
    ],
    [
      'negative weight',
      cart({ lines: [{ ...pump, weightGrams: -1 }] }),
      [['CART_INVALID_WEIGHT', 'lines.0.weightGrams']],
    ],
    [
      'line in another currency',
      cart({ lines: [pump, { ...boot, currency: 'GBP' }] }),
      [['CART_CURRENCY_MISMATCH', 'lines.1.currency']],
    ],
    ['unsupported currency', cart({ currency: 'JPY' as 'EUR' }), [['CART_INVALID_CURRENCY', 'currency']]],
    [
      'amount too large',
      cart({ lines: [{ ...pump, quantity: 100_000, unitPriceMinor: 10_000_000 }] }),
      [['CART_AMOUNT_TOO_LARGE', 'lines.0']],
    ],
    [
      'cart total too large',
      cart({ lines: [1, 2, 3].map(() => ({ ...pump, quantity: 1000, unitPriceMinor: 4_000_000 })) }),
      [['CART_AMOUNT_TOO_LARGE', 'lines']],
    ],
    [
      'bad country',
      cart({ destination: { country: 'Ireland' } }),
      [['CART_INVALID_COUNTRY', 'destination.country']],
    ],
    ['bad clock', cart({ now: Number.NaN }), [['CART_INVALID_TIME', 'now']]],
    [
      'invalid coupon',
      cart({ coupon: { code: 'X10', kind: 'percentage' } }),
      [['CART_INVALID_COUPON', 'coupon']],
    ],
    [
      'negative usage',
      cart({ couponUsage: { total: -1, byCustomer: 0 } }),
      [['CART_INVALID_COUPON_USAGE', 'couponUsage']],
    ],
    [
      'default country without a rate',
      cart({ defaultCountry: 'JP' }),
      [['CART_INVALID_TAX_CONFIG', 'defaultCountry']],
    ],
    ['bad rates', cart({ taxRates: { IE: 23.5 } }), [['CART_INVALID_TAX_CONFIG', 'taxRates']]],
    [
      'bad shipping config',
      cart({ shippingMethods: [houseCarrierMethods[0]!, houseCarrierMethods[0]!] }),
      [['CART_INVALID_SHIPPING_CONFIG', 'shippingMethods']],
    ],
  ])('refuses %s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('reports every problem at once', () => {
    const input = cart({
      lines: [
        { ...pump, quantity: 0 },
        { ...boot, unitPriceMinor: -1 },
      ],
      now: -1,
    });
    expect(codes(input)).toEqual([
      ['CART_INVALID_QUANTITY', 'lines.0.quantity'],
      ['CART_INVALID_PRICE', 'lines.1.unitPriceMinor'],
      ['CART_INVALID_TIME', 'now'],
    ]);
  });

  it('computeCartTotals throws RangeError with the errors as cause', () => {
    const input = cart({ lines: [{ ...pump, quantity: 0 }] });
    expect(() => computeCartTotals(input)).toThrow(RangeError);
    try {
      computeCartTotals(input);
    } catch (error) {
      expect((error as Error).message).toBe(
        'Invalid cart pricing input: lines.0.quantity: CART_INVALID_QUANTITY',
      );
      expect((error as Error).cause).toEqual([
        { code: 'CART_INVALID_QUANTITY', path: 'lines.0.quantity', message: expect.any(String) },
      ]);
    }
  });
});

// Property tests -----------------------------------------------------------------------------

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
