import type { CarrierAdapter, CarrierName } from './port.ts';

export { createHouseCarrier } from './house-carrier.ts';
export { createParcelHubCarrier } from './parcelhub.ts';
export type * from './port.ts';

/** The carriers an app offers, by name; the house carrier is always there. */
export type Carriers = Partial<Record<CarrierName, CarrierAdapter>> & { house: CarrierAdapter };
