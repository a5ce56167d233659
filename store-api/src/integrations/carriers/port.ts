import type { HouseTrackingStatus } from '@shoebox/shared';
import type { AddressJson } from '../../db/schema/types.ts';

/**
 * The carrier port: what fulfillment needs from a carrier, in our own vocabulary. Two adapters:
 * `house-carrier.ts` (built in, offline: rate tables, tracking numbers from reserved serials,
 * events staff advance) and `parcelhub.ts` (a REST shipping aggregator shaped like EasyPost or
 * Shippo: quote, buy, refund, track over HTTP).
 *
 * Rules for callers (like the payment port):
 * - never call a carrier inside `store.tx`: buy the label, then record the shipment in the next
 *   transaction, and void the label if that transaction refuses (the order moved on meanwhile);
 * - `buyLabel` takes an idempotency key stable across retries of the same purchase
 *   (`order:<orderId>:label:<n>`), so a retried request never pays for two labels.
 */

export type CarrierName = 'house' | 'parcelhub';

/** Tracking statuses every adapter maps its own into. */
export type TrackingStatus = HouseTrackingStatus | 'exception';

export interface ParcelRequest {
  from: AddressJson;
  to: AddressJson;
  weightGrams: number;
}

export interface CarrierRate {
  carrier: CarrierName;
  /** The code passed back to `buyLabel`, e.g. 'standard'. */
  service: string;
  serviceName: string;
  costMinor: number;
  currency: string;
  etaDays: { min: number; max: number } | null;
}

export interface BuyLabelInput extends ParcelRequest {
  orderId: string;
  orderNumber: string;
  service: string;
}

export interface BoughtLabel {
  trackingNumber: string;
  serviceName: string;
  costMinor: number;
  currency: string;
  /** The carrier's own shipment id, to void or track it later; null for the house carrier. */
  carrierShipmentId: string | null;
  /** Where the carrier keeps its printed label, when it has one. */
  labelUrl: string | null;
}

export interface ShipmentRef {
  trackingNumber: string;
  carrierShipmentId: string | null;
}

export interface TrackingEvent {
  status: TrackingStatus;
  message: string;
  occurredAt: number;
}

export interface CarrierAdapter {
  readonly name: CarrierName;
  /** Services that carry this parcel, cheapest first; empty when none does. */
  rates(parcel: ParcelRequest): Promise<CarrierRate[]>;
  /** Buys (or, for the house carrier, issues) a label. Throws CARRIER_SERVICE_UNAVAILABLE or CARRIER_ERROR. */
  buyLabel(input: BuyLabelInput, idempotencyKey: string): Promise<BoughtLabel>;
  /** Cancels a label not yet handed over; the carrier refunds it. */
  voidLabel(ref: ShipmentRef): Promise<void>;
  /**
   * The carrier's tracking events, oldest first. The house carrier has none of its own (staff
   * advance its parcels through the API), so it answers an empty list.
   */
  track(ref: ShipmentRef): Promise<TrackingEvent[]>;
  /** A public page where the customer follows the parcel. */
  trackingUrl(trackingNumber: string): string | null;
}
