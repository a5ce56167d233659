import { DomainError } from '@shoebox/shared';
import { z } from 'zod';
import type { AddressJson } from '../../db/schema/types.ts';
import type {
  BoughtLabel,
  BuyLabelInput,
  CarrierAdapter,
  CarrierRate,
  ParcelRequest,
  ShipmentRef,
  TrackingEvent,
  TrackingStatus,
} from './port.ts';

/**
 * ParcelHub: a shipping aggregator with a REST API in the style of EasyPost and Shippo. A
 * shipment is created with both addresses and the parcel and answers its rates; buying a rate
 * returns the tracking code and a label URL; a label not yet scanned by the carrier can be
 * refunded; trackers list the events. Amounts are decimal strings ("7.90"), converted to minor
 * units exactly (no floats). Every answer is parsed with zod: an answer we do not understand is
 * a CARRIER_ERROR, never a half-read label.
 */

const money = z.string().regex(/^\d+(\.\d{1,2})?$/);
const rateSchema = z.object({
  id: z.string(),
  service: z.string(),
  service_name: z.string(),
  amount: money,
  currency: z.string().length(3),
  delivery_days: z.number().int().nullable().optional(),
});
const shipmentSchema = z.object({ id: z.string(), rates: z.array(rateSchema) });
const boughtSchema = z.object({
  id: z.string(),
  tracking_code: z.string().min(1).max(64),
  label: z.object({ url: z.string() }),
  selected_rate: rateSchema,
});
const refundSchema = z.object({ refund_status: z.enum(['submitted', 'refunded', 'rejected']) });
const trackerSchema = z.object({
  tracking_code: z.string(),
  events: z.array(z.object({ status: z.string(), message: z.string(), datetime: z.string() })),
});

/** "7.90" -> 790, "12" -> 1200. */
export const toMinor = (amount: string): number => {
  const [whole = '0', frac = ''] = amount.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
};

const statusMap: Record<string, TrackingStatus> = {
  pre_transit: 'label_created',
  accepted: 'handed_over',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
};

const address = (a: AddressJson) => ({
  name: a.name,
  street1: a.line1,
  street2: a.line2 ?? null,
  city: a.city,
  zip: a.postalCode,
  country: a.country,
  phone: a.phone ?? null,
});

export function createParcelHubCarrier(opts: {
  apiKey: string;
  apiBase: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): CarrierAdapter {
  const doFetch = opts.fetch ?? fetch;
  const base = opts.apiBase.replace(/\/+$/, '');

  async function call<T>(
    schema: z.ZodType<T>,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${opts.apiKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
    } catch (cause) {
      throw new DomainError(
        'external',
        'CARRIER_UNAVAILABLE',
        'The carrier could not be reached; try again.',
        {
          details: { carrier: 'parcelhub', reason: cause instanceof Error ? cause.message : String(cause) },
        },
      );
    }
    const text = await res.text();
    if (!res.ok) {
      const code = res.status === 422 ? 'CARRIER_SERVICE_UNAVAILABLE' : 'CARRIER_ERROR';
      throw new DomainError(
        res.status === 422 ? 'business_rule' : 'external',
        code,
        `The carrier refused: ${text.slice(0, 200)}`,
        {
          details: { carrier: 'parcelhub', status: res.status },
        },
      );
    }
    const parsed = schema.safeParse(text ? JSON.parse(text) : null);
    if (!parsed.success)
      throw new DomainError(
        'external',
        'CARRIER_ERROR',
        'The carrier answered something we do not understand.',
        {
          details: { carrier: 'parcelhub', path },
        },
      );
    return parsed.data;
  }

  const createShipment = (parcel: ParcelRequest, key?: string) =>
    call(
      shipmentSchema,
      'POST',
      '/v1/shipments',
      {
        from_address: address(parcel.from),
        to_address: address(parcel.to),
        parcel: { weight_g: parcel.weightGrams },
      },
      key,
    );

  const rateOf = (r: z.output<typeof rateSchema>): CarrierRate => ({
    carrier: 'parcelhub',
    service: r.service,
    serviceName: r.service_name,
    costMinor: toMinor(r.amount),
    currency: r.currency.toUpperCase(),
    etaDays: r.delivery_days == null ? null : { min: r.delivery_days, max: r.delivery_days },
  });

  return {
    name: 'parcelhub',
    async rates(parcel) {
      const shipment = await createShipment(parcel);
      return shipment.rates.map(rateOf).sort((a, b) => a.costMinor - b.costMinor);
    },
    async buyLabel(input: BuyLabelInput, idempotencyKey: string): Promise<BoughtLabel> {
      const shipment = await createShipment(input, `${idempotencyKey}:shipment`);
      const rate = shipment.rates.find((r) => r.service === input.service);
      if (!rate)
        throw new DomainError(
          'business_rule',
          'CARRIER_SERVICE_UNAVAILABLE',
          `ParcelHub offers no '${input.service}' for this parcel.`,
          {
            details: {
              carrier: 'parcelhub',
              service: input.service,
              offered: shipment.rates.map((r) => r.service),
            },
          },
        );
      const bought = await call(
        boughtSchema,
        'POST',
        `/v1/shipments/${encodeURIComponent(shipment.id)}/buy`,
        { rate_id: rate.id },
        `${idempotencyKey}:buy`,
      );
      return {
        trackingNumber: bought.tracking_code,
        serviceName: bought.selected_rate.service_name,
        costMinor: toMinor(bought.selected_rate.amount),
        currency: bought.selected_rate.currency.toUpperCase(),
        carrierShipmentId: bought.id,
        labelUrl: bought.label.url,
      };
    },
    async voidLabel(ref: ShipmentRef) {
      if (!ref.carrierShipmentId) throw new Error('a ParcelHub shipment always has its id');
      const refund = await call(
        refundSchema,
        'POST',
        `/v1/shipments/${encodeURIComponent(ref.carrierShipmentId)}/refund`,
        {},
      );
      if (refund.refund_status === 'rejected')
        throw new DomainError(
          'conflict',
          'SHIPMENT_NOT_VOIDABLE',
          'The carrier refused to void this label (already scanned).',
          {
            details: { carrier: 'parcelhub' },
          },
        );
    },
    async track(ref: ShipmentRef): Promise<TrackingEvent[]> {
      const tracker = await call(
        trackerSchema,
        'GET',
        `/v1/trackers/${encodeURIComponent(ref.trackingNumber)}`,
      );
      return tracker.events.map((e) => ({
        status: statusMap[e.status] ?? 'exception',
        message: e.message,
        occurredAt: Date.parse(e.datetime),
      }));
    },
    trackingUrl: (n) => `${base}/track/${encodeURIComponent(n)}`,
  };
}
