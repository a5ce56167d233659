import { parcelTracking, trackingNumberParams } from '@shoebox/shared/contracts';
import { defineRoute } from '../../http/route.ts';
import type { ParcelTrackingService } from './tracking-store.service.ts';

/**
 * Public parcel tracking for the storefront's `/track/<number>` page (the shipped mail and SMS link
 * there). Anyone with the number may ask, so it is rate-limited like the other guest look-ups and
 * answers no personal data.
 */
export const trackingStoreRoutes = (tracking: ParcelTrackingService) => [
  defineRoute({
    method: 'get',
    path: '/store/tracking/:trackingNumber',
    summary:
      "A parcel's status and tracking events by its tracking number: carrier, service and dates only, no order or personal data.",
    tag: 'Store',
    access: 'public',
    params: trackingNumberParams,
    response: parcelTracking,
    rateLimit: 'auth',
    errors: ['SHIPMENT_NOT_FOUND'],
    handler: (ctx, { params }) => tracking.track(ctx, params.trackingNumber),
  }),
];
