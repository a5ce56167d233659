import type { EntityRow } from '@shoebox/sync/protocol';
import type { z } from 'zod';
import type {
  ReturnDetail,
  returnsListArgs,
  shipmentRow,
  shipmentsListArgs,
} from '../../ipc/shapes/fulfillment.ts';
import type { CacheView } from '../local/cache-view.ts';
import { iso, type Visibility } from '../local/visibility.ts';
import { itemLabelOf } from './item-labels.ts';

type Shipment = EntityRow<'shipment'>;
type Return = EntityRow<'return'>;

/** Shipments and returns from the mirror, newest first; refund amounts only for those who see money. */
export function createShipmentReturnReads(view: CacheView, trackingUrlBase: () => string | null) {
  const orderNumber = (orderId: string) => view.get('order', orderId)?.number ?? '';

  const shipmentRowOf = (s: Shipment, pending: boolean): z.output<typeof shipmentRow> => {
    const base = trackingUrlBase();
    return {
      id: s.id,
      orderId: s.orderId,
      orderNumber: orderNumber(s.orderId),
      carrier: s.carrier,
      service: s.service,
      trackingNumber: s.trackingNumber,
      trackingUrl:
        s.carrier === 'house' && base ? `${base}/track/${encodeURIComponent(s.trackingNumber)}` : null,
      status: s.status,
      trackingStatus: s.trackingStatus,
      weightGrams: s.weightGrams,
      boxCode: s.boxCode,
      createdAt: iso(s.createdAt),
      pending,
    };
  };

  const returnRowOf = (r: Return, pending: boolean) => ({
    id: r.id,
    orderId: r.orderId,
    orderNumber: orderNumber(r.orderId),
    status: r.status,
    unitCount: r.lines.reduce((n, l) => n + l.quantity, 0),
    hasExchange: r.lines.some((l) => l.exchangeVariantId !== null),
    createdAt: iso(r.createdAt),
    receivedAt: r.receivedAt === null ? null : iso(r.receivedAt),
    pending,
  });

  return {
    shipments(args: z.output<typeof shipmentsListArgs>) {
      const pending = view.pending('shipment');
      const q = args.q?.toUpperCase();
      const items = view
        .rows('shipment')
        .map((s) => shipmentRowOf(s, pending.has(s.id)))
        .filter((s) => !args.status || s.status === args.status)
        .filter((s) => !q || s.orderNumber.toUpperCase().includes(q) || s.trackingNumber.includes(q))
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
        .slice(0, args.limit);
      return { items };
    },
    shipment(id: string) {
      const s = view.get('shipment', id);
      return s ? shipmentRowOf(s, view.pending('shipment').has(id)) : null;
    },
    returns(args: z.output<typeof returnsListArgs>) {
      const pending = view.pending('return');
      const q = args.q?.toUpperCase();
      const items = view
        .rows('return')
        .map((r) => returnRowOf(r, pending.has(r.id)))
        .filter((r) => !args.status || r.status === args.status)
        .filter((r) => !q || r.orderNumber.toUpperCase().includes(q))
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
      return { items };
    },
    returnDetail(id: string, see: Visibility): ReturnDetail | null {
      const r = view.get('return', id);
      if (!r) return null;
      const refunds = new Map((see.money ? (r.lineRefunds ?? []) : []).map((l) => [l.lineId, l.refundMinor]));
      const lines = r.lines.map((l) => ({
        ...itemLabelOf(view, l.variantId),
        id: l.id,
        quantity: l.quantity,
        reason: l.reason as ReturnDetail['lines'][number]['reason'],
        exchangeFor: l.exchangeVariantId ? itemLabelOf(view, l.exchangeVariantId) : null,
        inspection: l.inspection,
        refundMinor: see.money ? (refunds.get(l.id) ?? 0) : null,
      }));
      return {
        ...returnRowOf(r, view.pending('return').has(id)),
        lines,
        refundId: see.money ? (r.refundId ?? null) : null,
        refundTotalMinor: see.money ? lines.reduce((n, l) => n + (l.refundMinor ?? 0), 0) : null,
        currency: view.get('order', r.orderId)?.currency ?? 'EUR',
      };
    },
  };
}
