/**
 * The fake backend's warehouse handlers (pick, pack, shipments, returns, printer settings) over
 * the fake shop's orders. They keep the rules the screens depend on: pack scans are checked with
 * shared's `checkScans` (wrong item and over-scan refused, nothing counted), completing takes a
 * tracking number from the device's block and answers real PDF bytes, server-only calls
 * (making a batch, advancing tracking, refunding) fail with API_UNREACHABLE while offline, and
 * refund amounts are null without `orders:refund`.
 */
import {
  boxFor,
  checkScans,
  DomainError,
  findBox,
  type HouseTrackingStatus,
  houseTrackingNumber,
  nextTrackingStatus,
  parcelWeightWithBox,
} from '@shoebox/shared';
import type { Handlers, ResultOf, Session } from '../../ipc/index.ts';
import { ipcError } from '../../ipc/errors.ts';
import type { PrinterSettings } from '../../ipc/shapes/fulfillment.ts';
import { colourOf, fakeId, type FakeOrder, locations, productOf, variants } from './fake-data.ts';
import { textPdf } from './fake-pdf.ts';
import { type FakeShop, receipt } from './fake-shop.ts';

import {
  type PickLine,
  type FakeBatch,
  type Shipment,
  type FakeReturn,
  type FakeWarehouse,
  type FakeWarehouseOptions,
  itemOf,
  binOf,
  weightOf,
  newBatch,
  shipmentFor,
  batchDetail,
  batchSummary,
} from './fake-warehouse.ts';
export { createWarehouse, type FakeWarehouse, type FakeWarehouseOptions } from './fake-warehouse.ts';

const needsServer = (shop: FakeShop, what: string) => {
  if (shop.offline)
    throw ipcError('API_UNREACHABLE', `${what} needs the shop server, which cannot be reached.`);
};

export function warehouseHandlers(
  shop: FakeShop,
  w: FakeWarehouse,
  session: () => Session | null,
  options: FakeWarehouseOptions = {},
): Partial<Handlers> {
  const moneyVisible = () => Boolean(session()?.permissions.includes('orders:refund'));
  const write = (name: string, args: unknown) => shop.writes.push({ name, args });
  return {
    ...pickHandlers(shop, w, write),
    ...packHandlers(shop, w, write),
    ...shipmentHandlers(shop, w, write),
    ...returnHandlers(shop, w, write, moneyVisible),
    'printing.settings': async () => w.printer,
    'printing.saveSettings': async (settings) => {
      write('printing.saveSettings', settings);
      w.printer = settings;
      return settings;
    },
    'printing.raw': async (args) => {
      write('printing.raw', args);
      if (args.host === 'unreachable.printer')
        throw ipcError('PRINTER_UNREACHABLE', `The printer at ${args.host}:${args.port} did not answer.`);
      return { bytesSent: atob(args.dataBase64).length };
    },
    ...(options.electron
      ? {
          'printing.pdf': async (args) => {
            write('printing.pdf', args);
            return null;
          },
          'printing.printers': async () => [
            { name: 'zebra-gk420', displayName: 'Zebra GK420d (labels)', isDefault: false },
            { name: 'office-laser', displayName: 'Office laser', isDefault: true },
          ],
        }
      : {}),
  };
}

type Write = (name: string, args: unknown) => void;

function pickHandlers(shop: FakeShop, w: FakeWarehouse, write: Write): Partial<Handlers> {
  const batch = (id: string) => {
    const b = w.batches.find((x) => x.id === id);
    if (!b) throw new DomainError('not_found', 'PICK_BATCH_NOT_FOUND', 'There is no such pick batch.');
    return b;
  };
  const line = (b: FakeBatch, id: string) => {
    const l = b.lines.find((x) => x.id === id);
    if (!l) throw new DomainError('not_found', 'PICK_LINE_NOT_FOUND', 'That line is not in this batch.');
    if (l.status !== 'open')
      throw new DomainError('conflict', 'PICK_LINE_CLOSED', `That line of ${l.orderNumber} is done already.`);
    return l;
  };
  return {
    'pick.batches': async () => ({
      items: w.batches
        .map(batchSummary)
        .filter((b) => b.status === 'open')
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    }),
    'pick.batch': async ({ batchId }) => batchDetail(batch(batchId)),
    'pick.create': async (args) => {
      needsServer(shop, 'Making a pick batch');
      write('pick.create', args);
      const paid = shop.orders
        .filter((o) => o.status === 'paid' && ('orderIds' in args ? args.orderIds.includes(o.id) : true))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const chosen = 'oldest' in args ? paid.slice(0, args.oldest) : paid;
      if (chosen.length === 0)
        throw new DomainError('conflict', 'ORDER_NOT_PICKABLE', 'No paid orders are waiting to be picked.');
      for (const o of chosen) o.status = 'picking';
      const b = newBatch(w.batches.length + 1, chosen, new Date().toISOString());
      w.batches.push(b);
      return batchDetail(b);
    },
    'pick.confirm': async (args) => {
      write('pick.confirm', args);
      const l = line(batch(args.batchId), args.lineId);
      const item = itemOf(l.variantId);
      if (args.scan && args.scan !== item.gtin && args.scan.toUpperCase() !== item.sku)
        throw new DomainError('validation', 'PICK_SCAN_MISMATCH', `${args.scan} is not ${item.sku}.`);
      l.pickedQuantity = l.quantity - l.shortQuantity;
      l.status = 'picked';
      l.pending = true;
      return receipt();
    },
    'pick.short': async (args) => {
      write('pick.short', args);
      const l = line(batch(args.batchId), args.lineId);
      if (args.missing > l.quantity - l.pickedQuantity)
        throw new DomainError('validation', 'PICK_LINE_CLOSED', 'More units missing than the line asks for.');
      l.shortQuantity = args.missing;
      l.shortReason = args.reason;
      l.status = 'short';
      l.pending = true;
      const order = shop.orders.find((o) => o.id === l.orderId);
      if (order) order.flagged = true;
      return receipt();
    },
  };
}

const packLinesOf = (o: FakeOrder) =>
  o.lineVariantIds.map((variantId, i) => ({
    ...itemOf(variantId),
    lineId: fakeId(10, i + 1),
    quantity: 1,
    weightGrams: weightOf(variantId),
  }));

function documentsFor(o: FakeOrder, shipment: Shipment, paper: PrinterSettings['packingSlipPaper']) {
  const lines = packLinesOf(o);
  return {
    shipmentId: shipment.id,
    trackingNumber: shipment.trackingNumber,
    labelPdfBase64: textPdf([
      [
        `Shoebox house carrier - ${shipment.service}`,
        `To: ${o.customerName}`,
        'Rua das Flores 12',
        '1200-195 Lisboa PT',
        `Order ${o.number}`,
        `${shipment.weightGrams} g`,
        shipment.trackingNumber,
      ],
    ]),
    labelZpl: `^XA^FO40,40^A0N,40,40^FD${o.customerName}^FS^FO40,400^BCN,120,Y,N,N^FD${shipment.trackingNumber}^FS^XZ`,
    packingSlipPdfBase64: textPdf(
      [
        [
          `Packing slip ${o.number}`,
          ...lines.map((l) => `${l.quantity} x ${l.productName} ${l.colourName} EU ${l.sizeEu}`),
        ],
      ],
      paper === 'A4' ? [595, 842] : [612, 792],
    ),
  };
}

function packHandlers(shop: FakeShop, w: FakeWarehouse, write: Write): Partial<Handlers> {
  const order = (id: string) => {
    const o = shop.orders.find((x) => x.id === id);
    if (!o) throw new DomainError('not_found', 'ORDER_NOT_FOUND', 'There is no such order.');
    return o;
  };
  const check = (o: FakeOrder, scans: string[]) => checkScans(packLinesOf(o), scans);
  return {
    'pack.open': async ({ scan }) => {
      const code = scan.toUpperCase();
      const o = shop.orders.find((x) => x.number === code || x.id === scan);
      if (!o) throw new DomainError('not_found', 'ORDER_NOT_FOUND', `No order has the number ${scan}.`);
      if (!['paid', 'picking', 'packed', 'shipped', 'delivered'].includes(o.status))
        throw new DomainError(
          'conflict',
          'ORDER_NOT_PICKABLE',
          `${o.number} is ${o.status.replace('_', ' ')}: do not pack it.`,
        );
      const lines = packLinesOf(o);
      const box = boxFor(lines.reduce((s, l) => s + l.quantity, 0));
      return {
        orderId: o.id,
        number: o.number,
        status: o.status,
        shippingMethodId: 'standard',
        shippingAddress: {
          name: o.customerName,
          line1: 'Rua das Flores 12',
          city: 'Lisboa',
          postalCode: '1200-195',
          country: 'PT',
        },
        lines,
        defaultBoxCode: box.code,
        defaultWeightGrams: parcelWeightWithBox(lines, box),
        packed: !['paid', 'picking'].includes(o.status),
      };
    },
    'pack.scan': async ({ orderId, accepted, scan }) => {
      const o = order(orderId);
      const result = check(o, [...accepted, scan]);
      if (result.ok) {
        return {
          ok: true,
          lineId: result.value.lastLineId!,
          remaining: result.value.remaining,
          complete: result.value.complete,
        };
      }
      const refusal = result.error;
      const known = variants.find((v) => v.gtin === scan || v.sku === scan.toUpperCase());
      const what = known ? `${`EU ${known.sizeEu} ${colourOf(known).name}`} ${productOf(known).name}` : scan;
      if (refusal.code === 'PACK_OVER_SCAN')
        return {
          ok: false,
          code: 'PACK_OVER_SCAN',
          message: `${what}: one too many (the order has ${refusal.quantity})`,
        };
      return { ok: false, code: 'PACK_WRONG_ITEM', message: `${what}: not in this order` };
    },
    'pack.complete': async (args) => {
      write('pack.complete', args);
      const o = order(args.orderId);
      const result = check(o, args.scans);
      if (!result.ok || !result.value.complete)
        throw new DomainError('validation', 'PACK_INCOMPLETE', 'Not every item of the order is scanned yet.');
      const left = w.block.size - w.block.used;
      if (left <= 0)
        throw new DomainError(
          'validation',
          'TRACKING_SERIALS_EXHAUSTED',
          'This device has no tracking numbers left.',
        );
      const box = findBox(args.boxCode)!;
      const shipment: Shipment = {
        ...shipmentFor(o, 0, false),
        id: fakeId(22, 10_000 + w.block.used),
        trackingNumber: houseTrackingNumber(w.block.firstSerial + w.block.used),
        service: args.service,
        status: 'labelled',
        trackingStatus: 'label_created',
        weightGrams: args.weightGrams ?? parcelWeightWithBox(packLinesOf(o), box),
        boxCode: box.code,
        createdAt: new Date().toISOString(),
        pending: true,
      };
      shipment.trackingUrl = `https://track.shoebox.test/${shipment.trackingNumber}`;
      w.block.used++;
      w.shipments.unshift(shipment);
      o.status = 'shipped';
      return {
        receipt: receipt(),
        documents: documentsFor(o, shipment, w.printer.packingSlipPaper),
        trackingNumbersLeft: w.block.size - w.block.used,
      };
    },
  };
}

const shipmentStatusOf = (t: HouseTrackingStatus) =>
  t === 'label_created' ? 'labelled' : t === 'delivered' ? 'delivered' : 'in_transit';

function shipmentHandlers(shop: FakeShop, w: FakeWarehouse, write: Write): Partial<Handlers> {
  const shipment = (id: string) => {
    const s = w.shipments.find((x) => x.id === id);
    if (!s) throw new DomainError('not_found', 'SHIPMENT_NOT_FOUND', 'There is no such shipment.');
    return s;
  };
  return {
    'shipments.list': async ({ status, q, limit }) => {
      const text = q?.toUpperCase();
      return {
        items: w.shipments
          .filter(
            (s) =>
              (!status || s.status === status) &&
              (!text || s.orderNumber.includes(text) || s.trackingNumber.includes(text)),
          )
          .slice(0, limit),
      };
    },
    'shipments.documents': async ({ shipmentId }) => {
      const s = shipment(shipmentId);
      return documentsFor(shop.orders.find((o) => o.id === s.orderId)!, s, w.printer.packingSlipPaper);
    },
    'shipments.void': async (args) => {
      write('shipments.void', args);
      const s = shipment(args.shipmentId);
      if (s.status !== 'labelled')
        throw new DomainError(
          'conflict',
          'SHIPMENT_NOT_VOIDABLE',
          'The parcel is with the carrier already; it cannot be voided.',
        );
      s.status = 'voided';
      s.pending = true;
      return receipt();
    },
    'shipments.track': async (args) => {
      needsServer(shop, 'Tracking');
      write('shipments.track', args);
      const s = shipment(args.shipmentId);
      if (nextTrackingStatus(s.trackingStatus as HouseTrackingStatus) !== args.status)
        throw new DomainError(
          'conflict',
          'TRACKING_STATUS_OUT_OF_ORDER',
          'The parcel cannot move to that step now.',
        );
      s.trackingStatus = args.status;
      s.status = shipmentStatusOf(args.status);
      return s;
    },
    'shipments.batchLabels': async ({ batchId }) => {
      const b = w.batches.find((x) => x.id === batchId);
      if (!b) throw new DomainError('not_found', 'PICK_BATCH_NOT_FOUND', 'There is no such pick batch.');
      const orderIds = new Set(b.lines.map((l) => l.orderId));
      const labelled = w.shipments.filter((s) => orderIds.has(s.orderId) && s.status !== 'voided');
      if (labelled.length === 0)
        throw new DomainError(
          'conflict',
          'PICK_NOT_FINISHED',
          `No order of ${b.number} has a label yet: pack them first.`,
        );
      return {
        pdfBase64: textPdf(labelled.map((s) => [`Order ${s.orderNumber}`, s.trackingNumber])),
        fileName: `labels-${b.number}.pdf`,
        pages: labelled.length,
      };
    },
    'shipments.trackingBlock': async () => ({
      carrier: 'house',
      left: w.block.size - w.block.used,
      warnBelow: w.block.warnBelow,
      lastRefillAt: '2026-12-01T17:00:00.000Z',
    }),
  };
}

function returnHandlers(
  shop: FakeShop,
  w: FakeWarehouse,
  write: Write,
  moneyVisible: () => boolean,
): Partial<Handlers> {
  const find = (id: string) => {
    const r = w.returns.find((x) => x.row.id === id);
    if (!r) throw new DomainError('not_found', 'RETURN_NOT_FOUND', 'There is no such return.');
    return r;
  };
  const detail = (r: FakeReturn): ResultOf<'returns.detail'> => {
    const money = moneyVisible();
    return {
      ...r.row,
      lines: r.lines.map(({ refundFullMinor, ...l }) => ({
        ...l,
        refundMinor: money ? refundFullMinor : null,
      })),
      refundId: r.refundId,
      refundTotalMinor: money ? r.lines.reduce((s, l) => s + l.refundFullMinor, 0) : null,
      currency: 'EUR',
    };
  };
  return {
    'returns.list': async ({ status, q }) => ({
      items: w.returns
        .map((r) => r.row)
        .filter((r) => (!status || r.status === status) && (!q || r.orderNumber.includes(q.toUpperCase()))),
    }),
    'returns.detail': async ({ returnId }) => detail(find(returnId)),
    'returns.receive': async (args) => {
      write('returns.receive', args);
      const r = find(args.returnId);
      if (r.row.status !== 'requested')
        throw new DomainError('conflict', 'RETURN_STATE_CONFLICT', 'This return was received already.');
      if (r.lines.some((l) => !args.lines.find((x) => x.returnLineId === l.id)))
        throw new DomainError(
          'validation',
          'RETURN_INSPECTION_INCOMPLETE',
          'Choose what happens to every line.',
        );
      for (const choice of args.lines) {
        const l = r.lines.find((x) => x.id === choice.returnLineId);
        if (!l)
          throw new DomainError('validation', 'RETURN_LINE_UNKNOWN', 'That line is not in this return.');
        l.inspection = choice.inspection;
        if (choice.inspection === 'restock') {
          const key = `${l.variantId}:${locations[0]!.id}`;
          const level = shop.stock.get(key) ?? { onHand: 0, reserved: 0 };
          shop.stock.set(key, { ...level, onHand: level.onHand + l.quantity });
        }
      }
      r.row = { ...r.row, status: 'received', receivedAt: new Date().toISOString(), pending: true };
      return receipt();
    },
    'returns.refund': async ({ returnId }) => {
      needsServer(shop, 'Refunding');
      write('returns.refund', { returnId });
      const r = find(returnId);
      if (r.row.status !== 'received')
        throw new DomainError(
          'conflict',
          'RETURN_STATE_CONFLICT',
          'Only a received return can be refunded, once.',
        );
      r.row = { ...r.row, status: 'refunded' };
      r.refundId = `re_${returnId.slice(-4)}`;
      return detail(r);
    },
  };
}
