import { notFound } from '@shoebox/shared';

/** The public tracking page's only refusal: no live parcel has this number (voided labels included). */
export const trackingStoreErrors = {
  parcelNotFound: (trackingNumber: string) =>
    notFound('SHIPMENT_NOT_FOUND', 'No parcel with this tracking number.', { trackingNumber }),
};
