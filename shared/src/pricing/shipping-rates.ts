import { z } from 'zod';
import { type Currency, currencySchema, minorSchema } from '../money.ts';
import { DEFAULT_SHOP_COUNTRY, normalizeCountry } from './tax.ts';

/**
 * Rate tables of the built-in house carrier: a price per destination zone x weight band, for
 * each service. It works offline; real carriers quote through the carrier interface instead.
 *
 * Conventions:
 * - Zones: `domestic` (the shop's own country), `eu` (the other EU members), `europe_other`
 *   (GB, CH, NO) and `world` (everything else).
 * - A band covers weights up to and including its `maxGrams`; the parcel takes the smallest
 *   band that fits. Heavier than the largest band: that method is not offered.
 * - A method that has no table for a zone, or is priced in another currency than the cart
 *   (no exchange rates in a pure function), is not offered.
 * - `freeOverMinor`: goods worth at least this much (after the coupon discount, VAT included)
 *   ship free with that method in that zone.
 * - A free-shipping coupon waives the `standard` service only; express stays paid (the coupon
 *   waives the delivery charge, not the upgrade).
 * - Quotes keep the order of the configured methods.
 */

export const shippingZones = ['domestic', 'eu', 'europe_other', 'world'] as const;
export type ShippingZone = (typeof shippingZones)[number];

export const shippingServices = ['standard', 'express'] as const;
export type ShippingService = (typeof shippingServices)[number];

/** EU member states (ISO 3166-1 alpha-2; Greece is GR, not the EU's own EL). */
export const euCountries: readonly string[] = Object.freeze(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

/** European countries outside the EU that the house carrier serves at a nearer rate than `world`. */
export const europeOtherCountries: readonly string[] = Object.freeze(['GB', 'CH', 'NO']);

export const shippingZoneFor = (
  destinationCountry: string,
  originCountry = DEFAULT_SHOP_COUNTRY,
): ShippingZone => {
  const destination = normalizeCountry(destinationCountry);
  if (destination === normalizeCountry(originCountry)) return 'domestic';
  if (euCountries.includes(destination)) return 'eu';
  if (europeOtherCountries.includes(destination)) return 'europe_other';
  return 'world';
};

/**
 * Packaging allowance. A variant's `weightGrams` is the boxed pair as it sits on the shelf; the
 * parcel adds an outer carton and fill: 300 g per order plus 100 g for every unit beyond the
 * first (a bigger carton and more fill). An empty cart weighs nothing and ships nothing.
 */
export const PACKAGING_BASE_GRAMS = 300;
export const PACKAGING_PER_EXTRA_UNIT_GRAMS = 100;

export const parcelWeightGrams = (
  lines: ReadonlyArray<{ quantity: number; weightGrams: number }>,
): number => {
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (units === 0) return 0;
  const goods = lines.reduce((sum, line) => sum + line.quantity * line.weightGrams, 0);
  return goods + PACKAGING_BASE_GRAMS + (units - 1) * PACKAGING_PER_EXTRA_UNIT_GRAMS;
};

export interface EtaDays {
  /** Working days from dispatch, inclusive range. */
  min: number;
  max: number;
}

export interface WeightBand {
  /** Upper bound of the band, inclusive. */
  maxGrams: number;
  priceMinor: number;
}

export interface ZoneRate {
  etaDays: EtaDays;
  /** Strictly ascending by maxGrams. */
  bands: WeightBand[];
  freeOverMinor?: number | null;
}

export interface ShippingMethod {
  /** Stable id stored on orders, e.g. 'house-standard'. */
  id: string;
  name: string;
  service: ShippingService;
  currency: Currency;
  zones: Partial<Record<ShippingZone, ZoneRate>>;
}

const zoneRateSchema = z.strictObject({
  etaDays: z
    .strictObject({ min: z.number().int().min(0).max(90), max: z.number().int().min(0).max(90) })
    .refine((eta) => eta.max >= eta.min, {
      message: 'etaDays.max must not be below etaDays.min',
      params: { code: 'ETA_RANGE_INVERTED' },
    }),
  bands: z
    .array(
      z.strictObject({
        maxGrams: z.number().int().min(1).max(1_000_000),
        priceMinor: minorSchema,
      }),
    )
    .min(1)
    .max(50)
    .refine((bands) => bands.every((band, i) => i === 0 || band.maxGrams > bands[i - 1]!.maxGrams), {
      message: 'Weight bands must be strictly ascending by maxGrams',
      params: { code: 'BANDS_NOT_ASCENDING' },
    }),
  freeOverMinor: minorSchema.nullish(),
});

/** One configured shipping method (house carrier rate table). */
export const shippingMethodSchema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single dashes'),
    name: z.string().trim().min(1).max(80),
    service: z.enum(shippingServices),
    currency: currencySchema,
    zones: z.strictObject({
      domestic: zoneRateSchema.optional(),
      eu: zoneRateSchema.optional(),
      europe_other: zoneRateSchema.optional(),
      world: zoneRateSchema.optional(),
    }),
  })
  .refine((method) => Object.values(method.zones).some((zone) => zone !== undefined), {
    message: 'A shipping method needs a rate table for at least one zone',
    path: ['zones'],
    params: { code: 'NO_ZONES' },
  });

/** The shop's list of methods: ids unique. */
export const shippingMethodsSchema = z
  .array(shippingMethodSchema)
  .max(50)
  .refine((methods) => new Set(methods.map((m) => m.id)).size === methods.length, {
    message: 'Shipping method ids must be unique',
    params: { code: 'DUPLICATE_SHIPPING_METHOD' },
  });

const bands = (prices: readonly number[], maxima: readonly number[]): WeightBand[] =>
  prices.map((priceMinor, i) => ({ maxGrams: maxima[i]!, priceMinor }));
const standardBands = [1000, 2000, 5000, 10_000, 20_000] as const;
// Express is a courier service with a 10 kg limit.
const expressBands = [1000, 2000, 5000, 10_000] as const;

/** Default house-carrier configuration (EUR, shipping from Ireland). */
export const houseCarrierMethods: readonly ShippingMethod[] = Object.freeze([
  {
    id: 'house-standard',
    name: 'Standard delivery',
    service: 'standard',
    currency: 'EUR',
    zones: {
      domestic: {
        etaDays: { min: 1, max: 3 },
        bands: bands([495, 595, 795, 995, 1495], standardBands),
        freeOverMinor: 10_000,
      },
      eu: { etaDays: { min: 3, max: 6 }, bands: bands([995, 1295, 1695, 2295, 3495], standardBands) },
      europe_other: {
        etaDays: { min: 4, max: 7 },
        bands: bands([1495, 1795, 2495, 3295, 4995], standardBands),
      },
      world: { etaDays: { min: 7, max: 14 }, bands: bands([2495, 3295, 4495, 6495, 9995], standardBands) },
    },
  },
  {
    id: 'house-express',
    name: 'Express delivery',
    service: 'express',
    currency: 'EUR',
    zones: {
      domestic: { etaDays: { min: 1, max: 1 }, bands: bands([995, 1195, 1495, 1995], expressBands) },
      eu: { etaDays: { min: 1, max: 2 }, bands: bands([1995, 2495, 3295, 4495], expressBands) },
      europe_other: { etaDays: { min: 2, max: 3 }, bands: bands([2995, 3495, 4495, 5995], expressBands) },
      world: { etaDays: { min: 3, max: 5 }, bands: bands([4995, 6495, 8995, 12995], expressBands) },
    },
  },
]);

export interface ShippingQuote {
  methodId: string;
  name: string;
  service: ShippingService;
  zone: ShippingZone;
  currency: Currency;
  etaDays: EtaDays;
  /** What the shopper pays: 0 when the free threshold or a free-shipping coupon applies. */
  priceMinor: number;
  /** The table price before anything is waived, for "free (was 7.95)". */
  tablePriceMinor: number;
  /** Threshold for free shipping with this method and zone, for "add 12.00 more for free delivery". */
  freeOverMinor: number | null;
}

export interface QuoteOptions {
  /** The shop's country; decides which destination is `domestic`. */
  originCountry?: string;
  /** Only methods priced in this currency are offered. */
  currency?: Currency;
  /** Goods value after discount, for free-shipping thresholds. */
  goodsValueMinor?: number;
  /** A free-shipping coupon applies (standard service only). */
  freeShipping?: boolean;
}

/** The smallest band the parcel fits in, or undefined when it is too heavy. Order-independent. */
const bandFor = (zoneBands: readonly WeightBand[], weightGrams: number): WeightBand | undefined => {
  let best: WeightBand | undefined;
  for (const band of zoneBands) {
    if (band.maxGrams >= weightGrams && (best === undefined || band.maxGrams < best.maxGrams)) best = band;
  }
  return best;
};

/** Every method that can carry `weightGrams` (the parcel weight, packaging included) to the destination. */
export const quoteShipping = (
  methods: readonly ShippingMethod[],
  destinationCountry: string,
  weightGrams: number,
  options: QuoteOptions = {},
): ShippingQuote[] => {
  const zone = shippingZoneFor(destinationCountry, options.originCountry ?? DEFAULT_SHOP_COUNTRY);
  const quotes: ShippingQuote[] = [];
  for (const method of methods) {
    if (options.currency !== undefined && method.currency !== options.currency) continue;
    const rate = method.zones[zone];
    if (!rate) continue;
    const band = bandFor(rate.bands, weightGrams);
    if (!band) continue;
    const freeOverMinor = rate.freeOverMinor ?? null;
    const overThreshold =
      freeOverMinor !== null &&
      options.goodsValueMinor !== undefined &&
      options.goodsValueMinor >= freeOverMinor;
    const couponWaives = options.freeShipping === true && method.service === 'standard';
    quotes.push({
      methodId: method.id,
      name: method.name,
      service: method.service,
      zone,
      currency: method.currency,
      etaDays: { ...rate.etaDays },
      priceMinor: overThreshold || couponWaives ? 0 : band.priceMinor,
      tablePriceMinor: band.priceMinor,
      freeOverMinor,
    });
  }
  return quotes;
};
