import { z } from 'zod';
import { isoTime } from './common.ts';

/** `GET /store/tracking/:trackingNumber`: the path param, as printed on the label. */
export const trackingNumberParams = z.strictObject({
  trackingNumber: z
    .string()
    .trim()
    .min(4)
    .max(60)
    .regex(/^[A-Za-z0-9-]+$/, 'Letters, digits and dashes only'),
});

/**
 * A parcel's progress for anyone holding its tracking number (the shipped mail links to
 * `/track/<number>`). Carrier, service, status and when each step happened: no order number, name,
 * address or free-text message (staff and carriers write those, and they may name people).
 */
export const parcelTracking = z.object({
  trackingNumber: z.string(),
  carrier: z.string(),
  service: z.string(),
  /** labelled | in_transit | delivered (a voided label answers 404). */
  status: z.string(),
  /** The last tracking event's status: label_created, handed_over, in_transit, out_for_delivery, delivered, exception. */
  trackingStatus: z.string(),
  deliveredAt: isoTime.nullable(),
  /** Oldest first. */
  events: z.array(z.object({ status: z.string(), occurredAt: isoTime })),
});
export type ParcelTracking = z.output<typeof parcelTracking>;
