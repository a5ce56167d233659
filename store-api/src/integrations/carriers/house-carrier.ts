import {
  DomainError,
  houseRates,
  houseServiceName,
  type ShippingService,
  shippingServices,
} from '@shoebox/shared';
import type { BoughtLabel, BuyLabelInput, CarrierAdapter, CarrierRate, ParcelRequest } from './port.ts';

/**
 * The built-in house carrier: prices from the shared rate tables (the desktop prices offline with
 * the same ones), tracking numbers from the serial counter (`issueTrackingNumber`, a database
 * write of its own that never collides with a device's reserved block). Nothing leaves the
 * machine, so voiding always succeeds and tracking comes from staff.
 */
export function createHouseCarrier(deps: {
  originCountry: string;
  issueTrackingNumber: () => Promise<string>;
  trackingBaseUrl: string;
}): CarrierAdapter {
  const rates = async (parcel: ParcelRequest): Promise<CarrierRate[]> =>
    houseRates({
      originCountry: parcel.from.country || deps.originCountry,
      destinationCountry: parcel.to.country,
      weightGrams: parcel.weightGrams,
    }).map((r) => ({
      carrier: 'house',
      service: r.service,
      serviceName: r.serviceName,
      costMinor: r.costMinor,
      currency: r.currency,
      etaDays: r.etaDays,
    }));

  return {
    name: 'house',
    rates,
    async buyLabel(input: BuyLabelInput): Promise<BoughtLabel> {
      const rate = (await rates(input)).find((r) => r.service === input.service);
      if (!rate || !shippingServices.includes(input.service as ShippingService))
        throw new DomainError(
          'business_rule',
          'CARRIER_SERVICE_UNAVAILABLE',
          `The house carrier does not carry ${input.weightGrams} g to ${input.to.country} with '${input.service}'.`,
          { details: { carrier: 'house', service: input.service, weightGrams: input.weightGrams } },
        );
      return {
        trackingNumber: await deps.issueTrackingNumber(),
        serviceName: houseServiceName(input.service as ShippingService),
        costMinor: rate.costMinor,
        currency: rate.currency,
        carrierShipmentId: null,
        labelUrl: null,
      };
    },
    async voidLabel() {},
    async track() {
      return [];
    },
    trackingUrl: (n) => `${deps.trackingBaseUrl}/track/${encodeURIComponent(n)}`,
  };
}
