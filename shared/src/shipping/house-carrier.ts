import type { Currency } from '../money.ts';
import { type ShippingService, type ShippingZone, shippingZoneFor } from '../pricing/shipping-rates.ts';

/**
 * What the house carrier charges the shop for a parcel (the label cost booked on the shipment),
 * per service, zone and weight band. Not the shopper's price (pricing/shipping-rates.ts). Pure
 * data so the desktop prices a label offline exactly as the API does.
 */
export interface HouseRate {
  service: ShippingService;
  serviceName: string;
  zone: ShippingZone;
  costMinor: number;
  currency: Currency;
  etaDays: { min: number; max: number };
}

const BANDS = [1000, 2000, 5000, 10_000, 20_000] as const;
type Table = Record<ShippingZone, { eta: [number, number]; costs: readonly number[] }>;

const tables: Record<ShippingService, { name: string; maxGrams: number; zones: Table }> = {
  standard: {
    name: 'House Standard',
    maxGrams: 20_000,
    zones: {
      domestic: { eta: [1, 3], costs: [390, 450, 590, 790, 1190] },
      eu: { eta: [3, 6], costs: [790, 990, 1290, 1790, 2790] },
      europe_other: { eta: [4, 7], costs: [1190, 1390, 1990, 2590, 3990] },
      world: { eta: [7, 14], costs: [1990, 2590, 3590, 5190, 7990] },
    },
  },
  express: {
    name: 'House Express',
    maxGrams: 10_000,
    zones: {
      domestic: { eta: [1, 1], costs: [790, 950, 1190, 1590] },
      eu: { eta: [1, 2], costs: [1590, 1990, 2590, 3590] },
      europe_other: { eta: [2, 3], costs: [2390, 2790, 3590, 4790] },
      world: { eta: [3, 5], costs: [3990, 5190, 7190, 10390] },
    },
  },
};

export const houseServiceName = (service: ShippingService): string => tables[service].name;

/** Every service the house carrier offers for this parcel, cheapest first; empty when too heavy. */
export function houseRates(input: {
  originCountry: string;
  destinationCountry: string;
  weightGrams: number;
}): HouseRate[] {
  if (!Number.isInteger(input.weightGrams) || input.weightGrams <= 0) return [];
  const zone = shippingZoneFor(input.destinationCountry, input.originCountry);
  const band = BANDS.findIndex((max) => input.weightGrams <= max);
  const rates: HouseRate[] = [];
  for (const service of ['standard', 'express'] as const) {
    const table = tables[service];
    const cost = table.zones[zone].costs[band];
    if (band < 0 || input.weightGrams > table.maxGrams || cost === undefined) continue;
    const [min, max] = table.zones[zone].eta;
    rates.push({
      service,
      serviceName: table.name,
      zone,
      costMinor: cost,
      currency: 'EUR',
      etaDays: { min, max },
    });
  }
  return rates.sort((a, b) => a.costMinor - b.costMinor);
}

/** The rate of one service, or null when it does not carry this parcel. */
export function houseRate(
  input: { originCountry: string; destinationCountry: string; weightGrams: number },
  service: ShippingService,
): HouseRate | null {
  return houseRates(input).find((r) => r.service === service) ?? null;
}

/** Tracking events staff advance by hand for the house carrier, in the order a parcel meets them. */
export const houseTrackingStatuses = [
  'label_created',
  'handed_over',
  'in_transit',
  'out_for_delivery',
  'delivered',
] as const;
export type HouseTrackingStatus = (typeof houseTrackingStatuses)[number];

/** The next status staff may advance to, or null after delivery. */
export function nextTrackingStatus(current: HouseTrackingStatus): HouseTrackingStatus | null {
  const i = houseTrackingStatuses.indexOf(current);
  return houseTrackingStatuses[i + 1] ?? null;
}
