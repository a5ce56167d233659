import { describe, expect, it } from 'vitest';
import { type CartTotals, computeCartTotals } from './cart-totals.ts';
import { boot, cart, line, percent, pump } from './cart-totals.fixtures.ts';

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
