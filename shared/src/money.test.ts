import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateProportionally,
  currencies,
  formatMoney,
  MAX_MINOR,
  minorSchema,
  moneySchema,
  parseMajorToMinor,
  vatIncluded,
} from './money.ts';

describe('minorSchema', () => {
  it('accepts whole non-negative amounts up to the bound', () => {
    for (const n of [0, 1, 1250, MAX_MINOR]) expect(minorSchema.safeParse(n).success).toBe(true);
  });

  it('rejects fractions, negatives and amounts above the bound', () => {
    for (const n of [12.5, -1, MAX_MINOR + 1, Number.NaN])
      expect(minorSchema.safeParse(n).success).toBe(false);
  });

  it('moneySchema accepts only supported currencies', () => {
    expect(moneySchema.safeParse({ amountMinor: 100, currency: 'EUR' }).success).toBe(true);
    expect(moneySchema.safeParse({ amountMinor: 100, currency: 'JPY' }).success).toBe(false);
    expect(currencies).toEqual(['EUR', 'USD', 'GBP']);
  });
});

describe('formatMoney', () => {
  it('formats minor units in the default Irish English locale', () => {
    expect(formatMoney(1250, 'EUR')).toBe('€12.50');
    expect(formatMoney(0, 'EUR')).toBe('€0.00');
    expect(formatMoney(123456, 'GBP')).toBe('£1,234.56');
    expect(formatMoney(5, 'USD')).toBe('US$0.05');
  });

  it('follows the given locale', () => {
    // Intl uses a narrow no-break space before the euro sign in German.
    expect(formatMoney(1250, 'EUR', 'de-DE').replace(/\s/g, ' ')).toBe('12,50 €');
  });

  it('keeps the sign of negative amounts', () => {
    expect(formatMoney(-1250, 'EUR')).toBe('-€12.50');
  });
});

describe('parseMajorToMinor', () => {
  it.each([
    ['12.50', 1250],
    ['12.5', 1250],
    ['12', 1200],
    ['0.29', 29],
    ['0.01', 1],
    [' 7.05 ', 705],
    ['007.50', 750],
    ['100000000', MAX_MINOR],
  ])('parses %j as %i minor units', (input, expected) => {
    expect(parseMajorToMinor(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['12.505', 'Amount can have at most 2 decimals'],
    ['-1', 'Amount cannot be negative'],
    ['-0.50', 'Amount cannot be negative'],
    ['', 'Amount is required'],
    ['   ', 'Amount is required'],
    ['abc', 'Amount must be a number like 12.50'],
    ['12,50', 'Amount must be a number like 12.50'],
    ['1e3', 'Amount must be a number like 12.50'],
    ['12.', 'Amount must be a number like 12.50'],
    ['.5', 'Amount must be a number like 12.50'],
    ['+5', 'Amount must be a number like 12.50'],
    ['1 000', 'Amount must be a number like 12.50'],
    ['100000000.01', 'Amount is too large'],
    ['99999999999999999999999', 'Amount is too large'],
  ])('rejects %j with %j', (input, message) => {
    expect(parseMajorToMinor(input)).toEqual({ ok: false, error: message });
  });

  it('round-trips every amount written with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MINOR }), (minor) => {
        const text = `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
        const parsed = parseMajorToMinor(text);
        return parsed.ok && parsed.value === minor;
      }),
    );
  });
});

describe('allocateProportionally', () => {
  it('splits in proportion and gives leftover units to the largest remainders', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(1000, [5000, 3000, 2000])).toEqual([500, 300, 200]);
    expect(allocateProportionally(10, [1, 2])).toEqual([3, 7]);
    expect(allocateProportionally(5, [0, 3, 0])).toEqual([0, 5, 0]);
  });

  it('splits evenly when every weight is zero', () => {
    expect(allocateProportionally(10, [0, 0, 0])).toEqual([4, 3, 3]);
  });

  it('handles fractional weights', () => {
    expect(allocateProportionally(100, [0.5, 0.25, 0.25])).toEqual([50, 25, 25]);
  });

  it('mirrors a negative total', () => {
    expect(allocateProportionally(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('returns nothing for a zero total over no weights and refuses a non-zero one', () => {
    expect(allocateProportionally(0, [])).toEqual([]);
    expect(() => allocateProportionally(1, [])).toThrow(RangeError);
  });

  it('refuses negative or non-finite weights and fractional totals', () => {
    expect(() => allocateProportionally(10, [1, -1])).toThrow(RangeError);
    expect(() => allocateProportionally(10, [1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => allocateProportionally(10.5, [1])).toThrow(RangeError);
  });

  it('always sums exactly to the total, with each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_MINOR }),
        fc.array(fc.integer({ min: 0, max: MAX_MINOR }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocateProportionally(total, weights);
          const sumWeights = weights.reduce((a, b) => a + b, 0);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          if (sumWeights > 0) {
            parts.forEach((part, i) => {
              const exact = (total * weights[i]!) / sumWeights;
              expect(part).toBeGreaterThanOrEqual(Math.floor(exact) - 1e-6);
              expect(part).toBeLessThanOrEqual(Math.ceil(exact) + 1e-6);
            });
          }
        },
      ),
    );
  });
});

describe('vatIncluded', () => {
  it('extracts the tax from a VAT-inclusive price', () => {
    expect(vatIncluded(12300, 2300)).toBe(2300);
    expect(vatIncluded(12000, 2000)).toBe(2000);
    expect(vatIncluded(1000, 2300)).toBe(187); // 186.99...
    expect(vatIncluded(0, 2300)).toBe(0);
    expect(vatIncluded(5000, 0)).toBe(0);
  });

  it('rounds an exact half up', () => {
    expect(vatIncluded(9, 2000)).toBe(2); // UK 20%: 9 / 6 = 1.5 -> 2
    expect(vatIncluded(3, 2000)).toBe(1); // 0.5 -> 1
    expect(vatIncluded(3, 10_000)).toBe(2); // 3 * 1 / 2 = 1.5 -> 2
    expect(vatIncluded(105, 500)).toBe(5); // exactly 5
    expect(vatIncluded(21, 2500)).toBe(4); // 4.2 -> 4
    expect(vatIncluded(27, 12_500)).toBe(15); // 15 exactly
    expect(vatIncluded(9, 12_500)).toBe(5); // 5 exactly
    expect(vatIncluded(1, 10_000)).toBe(1); // 0.5 -> 1
  });

  it('mirrors negative amounts so refunds reverse the sale tax', () => {
    expect(vatIncluded(-1000, 2300)).toBe(-187);
    expect(vatIncluded(-1, 10_000)).toBe(-1);
  });

  it('never exceeds the gross and matches float rounding away from exact halves', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_MINOR }),
        fc.integer({ min: 0, max: 10_000 }),
        (gross, rate) => {
          const tax = vatIncluded(gross, rate);
          const exact = (gross * rate) / (10_000 + rate);
          expect(tax).toBeGreaterThanOrEqual(0);
          expect(tax).toBeLessThanOrEqual(gross);
          expect(Math.abs(tax - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
        },
      ),
    );
  });

  it('refuses negative rates and fractional inputs', () => {
    expect(() => vatIncluded(100, -1)).toThrow(RangeError);
    expect(() => vatIncluded(100.5, 2300)).toThrow(RangeError);
    expect(() => vatIncluded(100, 23.5)).toThrow(RangeError);
  });
});
