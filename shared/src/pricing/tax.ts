import { z } from 'zod';

/**
 * VAT. Shop prices are VAT-inclusive and the gross price a shopper sees is the same wherever the
 * parcel goes: a pair at 89.95 costs 89.95 to Dublin, Berlin or New York. That is how most
 * small EU shops sell (one price list, no re-pricing per country under the OSS scheme); the
 * destination only changes how much VAT that gross price contains, which is what we show and
 * book. Exports outside the EU are zero-rated here (rate 0), so they contain no VAT at all.
 * Rates are basis points: 23% = 2300.
 */

export const countryCodePattern = /^[A-Z]{2}$/;

/** Trim and upper-case an ISO 3166-1 alpha-2 code: ' ie ' -> 'IE'. */
export const normalizeCountry = (country: string): string => country.trim().toUpperCase();

export const isCountryCode = (country: string): boolean => countryCodePattern.test(country);

/** VAT rates by destination country, in basis points. */
export type TaxRates = Readonly<Record<string, number>>;

export const MAX_TAX_RATE_BASIS_POINTS = 10_000;

export const taxRatesSchema = z
  .record(
    z.string().regex(countryCodePattern, 'Country must be an upper-case ISO 3166-1 alpha-2 code, e.g. IE'),
    z
      .number()
      .int('Rate must be whole basis points (23% = 2300)')
      .min(0, 'Rate cannot be negative')
      .max(MAX_TAX_RATE_BASIS_POINTS, 'Rate cannot exceed 100%'),
  )
  .refine((rates) => Object.keys(rates).length > 0, {
    message: 'At least one country needs a rate',
    params: { code: 'TAX_RATES_EMPTY' },
  });

/** The shop's own country: unknown destinations are taxed at its rate, and it is the shipping origin. */
export const DEFAULT_SHOP_COUNTRY = 'IE';

/** Standard rates for the demo shop (neutral defaults; a real shop configures its own). */
export const defaultTaxRates: TaxRates = Object.freeze({
  IE: 2300,
  DE: 1900,
  FR: 2000,
  NL: 2100,
  ES: 2100,
  IT: 2200,
  BE: 2100,
  AT: 2000,
  PT: 2300,
  PL: 2300,
  GB: 2000,
  US: 0,
});

export interface ResolvedTaxRate {
  /** The country whose rate applies: the destination when it has a rate, else the shop's. */
  country: string;
  rateBasisPoints: number;
}

/**
 * The VAT rate for a destination. A destination without a configured rate (or no destination
 * yet, e.g. a cart before checkout) falls back to the shop's default country. A default
 * country without a rate is a configuration error and throws RangeError.
 */
export const resolveTaxRate = (
  country: string | null | undefined,
  rates: TaxRates,
  defaultCountry: string,
): ResolvedTaxRate => {
  const destination = country == null ? null : normalizeCountry(country);
  if (destination !== null && Object.hasOwn(rates, destination)) {
    return { country: destination, rateBasisPoints: rates[destination]! };
  }
  const shop = normalizeCountry(defaultCountry);
  if (!Object.hasOwn(rates, shop)) {
    throw new RangeError(`No tax rate configured for the default country ${shop}`);
  }
  return { country: shop, rateBasisPoints: rates[shop]! };
};

/** Rate in basis points for a destination; see `resolveTaxRate`. */
export const taxRateFor = (
  country: string | null | undefined,
  rates: TaxRates,
  defaultCountry: string,
): number => resolveTaxRate(country, rates, defaultCountry).rateBasisPoints;
