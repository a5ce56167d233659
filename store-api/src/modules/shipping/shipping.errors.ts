import { businessRule, conflict } from '@shoebox/shared';

/** Refusals about labels and tracking numbers, built here once. */
export const shippingErrors = {
  trackingNotReserved: (trackingNumber: string) =>
    businessRule(
      'TRACKING_NUMBER_NOT_RESERVED',
      `${trackingNumber} is not from a block this device reserved.`,
      { trackingNumber },
    ),
  trackingUsed: (trackingNumber: string) =>
    conflict('TRACKING_NUMBER_USED', `${trackingNumber} is already on another label.`, { trackingNumber }),
  serviceUnavailable: (carrier: string, service: string, why: string) =>
    businessRule('CARRIER_SERVICE_UNAVAILABLE', why, { carrier, service }),
  shipmentNotFound: (id: string) => businessRule('SHIPMENT_NOT_FOUND', 'No shipment with this id.', { id }),
  notVoidableHere: (details: Record<string, unknown>) =>
    conflict(
      'SHIPMENT_NOT_VOIDABLE',
      'Only a house label whose parcel was not handed over can be voided here.',
      details,
    ),
};
