import { describe, expect, it } from 'vitest';
import { vatIncluded } from '../money.ts';
import { DEFAULT_SHOP_COUNTRY, defaultTaxRates, resolveTaxRate, taxRateFor, taxRatesSchema } from './tax.ts';

describe('taxRateFor', () => {
  it.each([
    ['IE', 2300],
    ['DE', 1900],
    ['FR', 2000],
    ['NL', 2100],
    ['ES', 2100],
    ['IT', 2200],
    ['BE', 2100],
    ['AT', 2000],
    ['PT', 2300],
    ['PL', 2300],
    ['GB', 2000],
    ['US', 0],
  ])('uses the configured rate for %s (%i bp)', (country, rate) => {
    expect(taxRateFor(country, defaultTaxRates, DEFAULT_SHOP_COUNTRY)).toBe(rate);
  });

  it('falls back to the shop country for a destination without a rate, or no destination', () => {
    expect(resolveTaxRate('JP', defaultTaxRates, 'IE')).toEqual({ country: 'IE', rateBasisPoints: 2300 });
    expect(resolveTaxRate(null, defaultTaxRates, 'IE')).toEqual({ country: 'IE', rateBasisPoints: 2300 });
    expect(resolveTaxRate(undefined, defaultTaxRates, 'DE')).toEqual({
      country: 'DE',
      rateBasisPoints: 1900,
    });
  });

  it('normalises country codes', () => {
    expect(resolveTaxRate(' de ', defaultTaxRates, 'ie')).toEqual({ country: 'DE', rateBasisPoints: 1900 });
  });

  it('does not mistake inherited object keys for countries', () => {
    expect(taxRateFor('constructor', defaultTaxRates, 'IE')).toBe(2300);
  });

  it('throws RangeError when the default country has no rate (a configuration error)', () => {
    expect(() => taxRateFor('JP', { DE: 1900 }, 'IE')).toThrow(RangeError);
  });

  it('keeps the gross price: only the VAT contained changes with the destination', () => {
    // 89.95 gross: 8995 * 2300 / 12300 = 1681.99 -> 1682 (IE); 8995 * 1900 / 11900 = 1436.18 -> 1436 (DE).
    expect(vatIncluded(8995, taxRateFor('IE', defaultTaxRates, 'IE'))).toBe(1682);
    expect(vatIncluded(8995, taxRateFor('DE', defaultTaxRates, 'IE'))).toBe(1436);
    expect(vatIncluded(8995, taxRateFor('US', defaultTaxRates, 'IE'))).toBe(0);
  });
});

describe('taxRatesSchema', () => {
  it('accepts the default rates', () => {
    expect(taxRatesSchema.safeParse(defaultTaxRates).success).toBe(true);
  });

  it.each([[{ ie: 2300 }], [{ IRL: 2300 }], [{ IE: 23.5 }], [{ IE: -1 }], [{ IE: 10_001 }], [{}]])(
    'rejects %j',
    (rates) => {
      expect(taxRatesSchema.safeParse(rates).success).toBe(false);
    },
  );
});
