import { describe, expect, it } from 'vitest';
import {
  euCountries,
  houseCarrierMethods,
  PACKAGING_BASE_GRAMS,
  PACKAGING_PER_EXTRA_UNIT_GRAMS,
  parcelWeightGrams,
  quoteShipping,
  type ShippingMethod,
  shippingMethodSchema,
  shippingMethodsSchema,
  shippingZoneFor,
} from './shipping-rates.ts';

const priceOf = (country: string, weightGrams: number, methodId: string, options = {}) =>
  quoteShipping(houseCarrierMethods, country, weightGrams, options).find((q) => q.methodId === methodId)
    ?.priceMinor;

describe('shippingZoneFor', () => {
  it.each([
    ['IE', 'domestic'],
    ['ie', 'domestic'],
    ['DE', 'eu'],
    ['FR', 'eu'],
    ['GR', 'eu'],
    ['GB', 'europe_other'],
    ['CH', 'europe_other'],
    ['NO', 'europe_other'],
    ['US', 'world'],
    ['JP', 'world'],
  ])('%s is %s from Ireland', (country, zone) => {
    expect(shippingZoneFor(country)).toBe(zone);
  });

  it('domestic follows the origin: from Germany, Ireland is EU', () => {
    expect(shippingZoneFor('DE', 'DE')).toBe('domestic');
    expect(shippingZoneFor('IE', 'DE')).toBe('eu');
  });

  it('lists the 27 EU members', () => {
    expect(new Set(euCountries).size).toBe(27);
  });
});

describe('parcelWeightGrams', () => {
  it('adds 300 g per parcel and 100 g per unit beyond the first', () => {
    expect(PACKAGING_BASE_GRAMS).toBe(300);
    expect(PACKAGING_PER_EXTRA_UNIT_GRAMS).toBe(100);
    expect(parcelWeightGrams([{ quantity: 1, weightGrams: 900 }])).toBe(1200);
    // 2 x 900 + 1200 = 3000 goods; + 300 + 2 x 100 = 3500
    expect(
      parcelWeightGrams([
        { quantity: 2, weightGrams: 900 },
        { quantity: 1, weightGrams: 1200 },
      ]),
    ).toBe(3500);
  });

  it('is zero for an empty cart', () => {
    expect(parcelWeightGrams([])).toBe(0);
  });
});

describe('quoteShipping with the house carrier', () => {
  it.each([
    // zone, weight, standard, express
    ['IE', 1, 495, 995],
    ['IE', 1000, 495, 995],
    ['IE', 1001, 595, 1195],
    ['IE', 2000, 595, 1195],
    ['IE', 5000, 795, 1495],
    ['IE', 10_000, 995, 1995],
    ['IE', 10_001, 1495, undefined],
    ['IE', 20_000, 1495, undefined],
    ['IE', 20_001, undefined, undefined],
    ['DE', 1700, 1295, 2495],
    ['GB', 1700, 1795, 3495],
    ['US', 1200, 3295, 6495],
    ['JP', 9000, 6495, 12_995],
  ])('to %s at %i g: standard %s, express %s', (country, grams, standard, express) => {
    expect(priceOf(country, grams, 'house-standard')).toBe(standard);
    expect(priceOf(country, grams, 'house-express')).toBe(express);
  });

  it('returns zone, service and delivery estimate with each quote, in configured order', () => {
    expect(quoteShipping(houseCarrierMethods, 'IE', 1200)).toEqual([
      {
        methodId: 'house-standard',
        name: 'Standard delivery',
        service: 'standard',
        zone: 'domestic',
        currency: 'EUR',
        etaDays: { min: 1, max: 3 },
        priceMinor: 595,
        tablePriceMinor: 595,
        freeOverMinor: 10_000,
      },
      {
        methodId: 'house-express',
        name: 'Express delivery',
        service: 'express',
        zone: 'domestic',
        currency: 'EUR',
        etaDays: { min: 1, max: 1 },
        priceMinor: 1195,
        tablePriceMinor: 1195,
        freeOverMinor: null,
      },
    ]);
  });

  it('ships domestic standard free from 100.00 of goods, not below', () => {
    expect(priceOf('IE', 1200, 'house-standard', { goodsValueMinor: 10_000 })).toBe(0);
    expect(priceOf('IE', 1200, 'house-standard', { goodsValueMinor: 9999 })).toBe(595);
    expect(priceOf('IE', 1200, 'house-express', { goodsValueMinor: 50_000 })).toBe(1195);
    expect(priceOf('DE', 1200, 'house-standard', { goodsValueMinor: 50_000 })).toBe(1295);
  });

  it('a free-shipping coupon waives standard but not express', () => {
    const quotes = quoteShipping(houseCarrierMethods, 'DE', 1200, { freeShipping: true });
    expect(quotes.map((q) => [q.methodId, q.priceMinor, q.tablePriceMinor])).toEqual([
      ['house-standard', 0, 1295],
      ['house-express', 2495, 2495],
    ]);
  });

  it('offers nothing priced in another currency', () => {
    expect(quoteShipping(houseCarrierMethods, 'IE', 1200, { currency: 'GBP' })).toEqual([]);
    expect(quoteShipping(houseCarrierMethods, 'IE', 1200, { currency: 'EUR' })).toHaveLength(2);
  });

  it('offers nothing for a zone the method has no table for', () => {
    const domesticOnly: ShippingMethod = {
      id: 'click-collect',
      name: 'Local courier',
      service: 'standard',
      currency: 'EUR',
      zones: { domestic: { etaDays: { min: 0, max: 1 }, bands: [{ maxGrams: 5000, priceMinor: 300 }] } },
    };
    expect(quoteShipping([domesticOnly], 'DE', 1000)).toEqual([]);
    expect(quoteShipping([domesticOnly], 'IE', 1000).map((q) => q.priceMinor)).toEqual([300]);
  });

  it('treats the origin country as domestic', () => {
    expect(priceOf('DE', 1200, 'house-standard', { originCountry: 'DE' })).toBe(595);
  });
});

describe('shippingMethodSchema', () => {
  it('accepts the default house carrier configuration', () => {
    const parsed = shippingMethodsSchema.parse(houseCarrierMethods);
    expect(quoteShipping(parsed, 'IE', 1200)).toHaveLength(2);
  });

  const base = houseCarrierMethods[0]!;
  const domestic = base.zones.domestic!;
  const code = (input: unknown) => {
    const parsed = shippingMethodSchema.safeParse(input);
    return parsed.success
      ? null
      : parsed.error.issues.map((i) => (i as { params?: { code?: string } }).params?.code ?? i.code);
  };

  it('refuses bands that are not strictly ascending', () => {
    const bands = [domestic.bands[1]!, domestic.bands[0]!];
    expect(code({ ...base, zones: { domestic: { ...domestic, bands } } })).toEqual(['BANDS_NOT_ASCENDING']);
  });

  it('refuses an inverted delivery estimate', () => {
    expect(code({ ...base, zones: { domestic: { ...domestic, etaDays: { min: 3, max: 1 } } } })).toEqual([
      'ETA_RANGE_INVERTED',
    ]);
  });

  it('refuses a method without any zone', () => {
    expect(code({ ...base, zones: {} })).toEqual(['NO_ZONES']);
  });

  it.each([
    [{ ...base, id: 'House Standard' }],
    [{ ...base, service: 'overnight' }],
    [{ ...base, currency: 'JPY' }],
    [{ ...base, zones: { mars: domestic } }],
    [{ ...base, zones: { domestic: { ...domestic, bands: [] } } }],
    [{ ...base, zones: { domestic: { ...domestic, bands: [{ maxGrams: 1000, priceMinor: 4.95 }] } } }],
    [{ ...base, carrier: 'dhl' }],
  ])('rejects %j', (input) => {
    expect(shippingMethodSchema.safeParse(input).success).toBe(false);
  });

  it('refuses duplicate method ids', () => {
    expect(shippingMethodsSchema.safeParse([base, base]).success).toBe(false);
  });
});
