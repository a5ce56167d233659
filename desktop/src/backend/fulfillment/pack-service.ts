import type { LabelData, PackingSlipData } from '@shoebox/documents';
import { renderLabelBatchPdf } from '@shoebox/documents';
import {
  boxFor,
  businessRule,
  checkScans,
  conflict,
  findBox,
  houseServiceName,
  newId,
  notFound,
  type PackLine,
  parcelWeightWithBox,
} from '@shoebox/shared';
import type { EntityRow, MutationEnvelope } from '@shoebox/sync/protocol';
import type { z } from 'zod';
import type { packCompleteArgs, PackOrder, packScanResult } from '../../ipc/shapes/fulfillment.ts';
import type { CacheView } from '../local/cache-view.ts';
import { renderDocuments, type LocalLabels } from './documents.ts';
import type { DeviceSettings } from './device-settings.ts';
import { itemLabelOf } from './item-labels.ts';
import type { TrackingBlocks } from './tracking-blocks.ts';

type Order = EntityRow<'order'>;
type Mutate = (
  name: 'pack.complete' | 'shipment.create',
  args: Record<string, unknown>,
) => Promise<MutationEnvelope>;

const PACKED = new Set(['packed', 'shipped', 'delivered']);

/**
 * The pack bench, all on this device: open an order, check each scan with shared's pack check,
 * and on the last scan queue `pack.complete` and `shipment.create` (a tracking number from this
 * device's block) and render the label and packing slip from the mirror (decision 0040).
 */
export function createPackService(deps: {
  view: CacheView;
  blocks: TrackingBlocks;
  labels: LocalLabels;
  settings: DeviceSettings;
  mutate: Mutate;
  onNumberTaken: () => void;
}) {
  const { view } = deps;
  const linesOf = (orderId: string) =>
    view
      .rows('orderLine', { column: 'order_id', field: 'orderId', value: orderId })
      .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));

  const packLines = (orderId: string): (PackLine & { weightGrams: number })[] =>
    linesOf(orderId).map((l) => {
      const variant = view.get('variant', l.variantId);
      return {
        lineId: l.id,
        gtin: variant?.gtin ?? null,
        sku: l.sku,
        quantity: l.quantity,
        weightGrams: variant?.weightGrams ?? 0,
      };
    });

  function findOrder(scan: string): Order | null {
    const wanted = scan.trim().toUpperCase();
    return (
      view.get('order', scan.trim()) ??
      view.rows('order').find((o) => o.number.toUpperCase() === wanted) ??
      null
    );
  }

  function orderOr404(orderId: string): Order {
    const order = view.get('order', orderId);
    if (!order) throw notFound('ORDER_NOT_FOUND', 'This order is not on this device.', { orderId });
    return order;
  }

  function open(scan: string): PackOrder {
    const order = findOrder(scan);
    if (!order) throw notFound('ORDER_NOT_FOUND', `No order ${scan} on this device.`, { scan });
    const lines = linesOf(order.id);
    const pairs = lines.reduce((n, l) => n + l.quantity, 0);
    const box = boxFor(pairs);
    const weighed = packLines(order.id);
    return {
      orderId: order.id,
      number: order.number,
      status: order.status,
      shippingMethodId: order.shippingMethodId,
      shippingAddress: order.shippingAddress ?? null,
      lines: lines.map((l, i) => ({
        ...itemLabelOf(view, l.variantId, l),
        lineId: l.id,
        quantity: l.quantity,
        weightGrams: weighed[i]?.weightGrams ?? 0,
      })),
      defaultBoxCode: box.code,
      defaultWeightGrams: parcelWeightWithBox(weighed, box),
      packed: PACKED.has(order.status),
    };
  }

  function scan(orderId: string, accepted: readonly string[], code: string): z.output<typeof packScanResult> {
    orderOr404(orderId);
    const checked = checkScans(packLines(orderId), [...accepted, code]);
    if (!checked.ok) {
      const r = checked.error;
      const over = r.code === 'PACK_OVER_SCAN';
      return {
        ok: false,
        code: over ? 'PACK_OVER_SCAN' : 'PACK_WRONG_ITEM',
        message: over
          ? `One too many: this order has only ${r.code === 'PACK_OVER_SCAN' ? r.quantity : 0} of ${r.gtin}.`
          : r.code === 'PACK_SCAN_INVALID'
            ? `${r.gtin} is not a valid barcode.`
            : `Wrong item: ${r.gtin} is not in this order.`,
      };
    }
    return {
      ok: true,
      lineId: checked.value.lastLineId ?? '',
      remaining: checked.value.remaining,
      complete: checked.value.complete,
    };
  }

  function documentsData(
    order: Order,
    trackingNumber: string,
    service: 'standard' | 'express',
    weightGrams: number,
  ) {
    const profile = deps.settings.profile();
    if (!profile || !order.shippingAddress)
      throw businessRule(
        'TRACKING_SERIALS_EXHAUSTED',
        'This device cannot print labels yet: connect once so it can reserve tracking numbers.',
      );
    const label: LabelData = {
      carrier: 'Shoebox House',
      service: houseServiceName(service),
      trackingNumber,
      orderNumber: order.number,
      weightGrams,
      from: profile.shipFrom,
      to: order.shippingAddress,
      shipDate: new Date().toISOString().slice(0, 10),
    };
    const slip: PackingSlipData = {
      orderNumber: order.number,
      orderedAt: new Date(order.createdAt).toISOString().slice(0, 10),
      from: profile.shipFrom,
      to: order.shippingAddress,
      lines: linesOf(order.id).map((l) => ({
        sku: l.sku,
        name: l.productName,
        colour: l.colourName,
        size: String(l.sizeEuTenths / 10),
        width: l.width === 'standard' ? undefined : l.width,
        quantity: l.quantity,
      })),
      returnUrl: `${profile.returnUrlBase}/${encodeURIComponent(order.number)}`,
      paper: deps.settings.printers().packingSlipPaper === 'Letter' ? 'LETTER' : 'A4',
    };
    return { label, slip };
  }

  async function complete(args: z.output<typeof packCompleteArgs>) {
    const order = orderOr404(args.orderId);
    if (order.status !== 'picking')
      throw conflict(
        'ILLEGAL_ORDER_TRANSITION',
        `Order ${order.number} is ${order.status}: it is not at the pack bench.`,
        {
          from: order.status,
          event: 'pack',
        },
      );
    const checked = checkScans(packLines(order.id), args.scans);
    if (!checked.ok) {
      const r = checked.error;
      throw businessRule(
        r.code,
        r.code === 'PACK_OVER_SCAN' ? `One too many of ${r.gtin}.` : `${r.gtin} is not in this order.`,
        { ...r },
      );
    }
    if (!checked.value.complete)
      throw businessRule(
        'PACK_INCOMPLETE',
        `${checked.value.remaining} item(s) of this order are not scanned yet.`,
        {
          remaining: checked.value.remaining,
        },
      );
    const box = findBox(args.boxCode);
    if (!box) throw businessRule('VALIDATION_FAILED', `No box ${args.boxCode}.`);
    const weightGrams = args.weightGrams ?? parcelWeightWithBox(packLines(order.id), box);
    const shipmentId = newId();
    // Before anything is queued: without a number (or a sender) nothing can print.
    const profileReady = deps.settings.profile();
    if (!profileReady || !order.shippingAddress)
      throw businessRule(
        'TRACKING_SERIALS_EXHAUSTED',
        'This device cannot print labels yet: connect once so it can reserve tracking numbers.',
      );
    const trackingNumber = deps.blocks.take(shipmentId);
    if (!trackingNumber)
      throw businessRule(
        'TRACKING_SERIALS_EXHAUSTED',
        'This device has no tracking numbers left: connect to the shop server to reserve more.',
      );
    deps.onNumberTaken();
    const { label, slip } = documentsData(order, trackingNumber, args.service, weightGrams);
    deps.labels.save(shipmentId, label, slip);
    const packed = await deps.mutate('pack.complete', {
      orderId: order.id,
      scans: args.scans,
      boxCode: box.code,
      ...(args.weightGrams === undefined ? {} : { weightGrams: args.weightGrams }),
    });
    const shipped = await deps.mutate('shipment.create', {
      shipmentId,
      orderId: order.id,
      trackingNumber,
      service: args.service,
      weightGrams,
      boxCode: box.code,
      shipDate: label.shipDate,
    });
    return {
      envelopes: [packed, shipped],
      documents: await renderDocuments(shipmentId, label, slip),
      trackingNumbersLeft: deps.blocks.left(),
    };
  }

  /** A shipment's documents again: as printed here, else from the label the server kept. */
  function storedDocuments(shipmentId: string): { label: LabelData; slip: PackingSlipData } {
    const local = deps.labels.find(shipmentId);
    if (local) return local;
    const shipment = view.get('shipment', shipmentId);
    if (!shipment)
      throw notFound('SHIPMENT_NOT_FOUND', 'This shipment is not on this device.', { shipmentId });
    const order = view.get('order', shipment.orderId);
    if (!shipment.label || !order)
      throw conflict(
        'SHIPMENT_NOT_VOIDABLE',
        'This parcel was handed over: its label can no longer be printed here.',
        {
          status: shipment.status,
        },
      );
    const { slip } = documentsData(
      { ...order, shippingAddress: shipment.label.to },
      shipment.trackingNumber,
      'standard',
      shipment.weightGrams,
    );
    return { label: shipment.label, slip };
  }

  return {
    open,
    scan,
    complete,
    async reprint(shipmentId: string) {
      const { label, slip } = storedDocuments(shipmentId);
      return renderDocuments(shipmentId, label, slip);
    },
    /** Every live label of a batch's orders as one PDF. */
    async batchLabels(batch: EntityRow<'pickBatch'>) {
      const orderIds = new Set(batch.lines.map((l) => l.orderId));
      const labels = view
        .rows('shipment')
        .filter((s) => orderIds.has(s.orderId) && s.status !== 'voided')
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((s) => storedDocuments(s.id).label);
      if (labels.length === 0)
        throw notFound('SHIPMENT_NOT_FOUND', 'This batch has no labelled shipment yet.', {
          batchId: batch.id,
        });
      const pdf = await renderLabelBatchPdf(labels);
      return {
        pdfBase64: pdf.toString('base64'),
        fileName: `labels-${batch.number}.pdf`,
        pages: labels.length,
      };
    },
  };
}
export type PackService = ReturnType<typeof createPackService>;
