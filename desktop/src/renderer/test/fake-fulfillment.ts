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

type PickLine = ResultOf<'pick.batch'>['stops'][number]['lines'][number] & { variantId: string };
interface FakeBatch {
  id: string;
  number: string;
  createdAt: string;
  lines: PickLine[];
}
type Shipment = ResultOf<'shipments.list'>['items'][number] & { orderIdForBatch?: string };
type ReturnLine = ResultOf<'returns.detail'>['lines'][number] & { refundFullMinor: number };
interface FakeReturn {
  row: ResultOf<'returns.list'>['items'][number];
  lines: ReturnLine[];
  refundId: string | null;
}

export interface FakeWarehouse {
  batches: FakeBatch[];
  shipments: Shipment[];
  returns: FakeReturn[];
  printer: PrinterSettings;
  block: { firstSerial: number; size: number; used: number; warnBelow: number };
}

export interface FakeWarehouseOptions {
  /** Tracking numbers left in the device's block at the start (warns below 50). */
  trackingLeft?: number;
  /** Provide Electron's `printing.pdf` and `printing.printers` (browser mode does not). */
  electron?: boolean;
}

const variantById = (id: string) => variants.find((v) => v.id === id)!;

export function itemOf(variantId: string) {
  const v = variantById(variantId);
  return {
    variantId: v.id,
    sku: v.sku,
    gtin: v.gtin,
    productName: productOf(v).name,
    colourName: colourOf(v).name,
    sizeEu: v.sizeEu,
    width: v.width,
  };
}

/** A bin per product, colour and size, so the walking order is stable: `A-2-38`. */
export function binOf(variantId: string): string {
  const v = variantById(variantId);
  const p = productOf(v);
  const aisle = 'ABCD'[Number(p.id.slice(-1)) - 1] ?? 'E';
  return `${aisle}-${p.colours.indexOf(colourOf(v)) + 1}-${v.sizeEu}`;
}

const weightOf = (variantId: string) =>
  productOf(variantById(variantId)).styleCode === 'POR-BOOT' ? 1100 : 700;

function newBatch(n: number, orders: FakeOrder[], createdAt: string): FakeBatch {
  const id = fakeId(20, n);
  return {
    id,
    number: `PB-${String(1040 + n)}`,
    createdAt,
    lines: orders.flatMap((o) =>
      o.lineVariantIds.map((variantId, i) => ({
        id: fakeId(21, n * 1000 + orders.indexOf(o) * 10 + i),
        orderId: o.id,
        orderNumber: o.number,
        variantId,
        quantity: 1,
        pickedQuantity: 0,
        shortQuantity: 0,
        status: 'open' as const,
        shortReason: null,
        pending: false,
      })),
    ),
  };
}

export function createWarehouse(shop: FakeShop, options: FakeWarehouseOptions = {}): FakeWarehouse {
  const picking = shop.orders.filter((o) => o.status === 'picking');
  const shipped = shop.orders.filter((o) => o.status === 'shipped' || o.status === 'delivered');
  const delivered = shop.orders.filter((o) => o.status === 'delivered');
  const left = options.trackingLeft ?? 240;
  return {
    batches: picking.length ? [newBatch(1, picking.slice(0, 6), '2026-12-02T08:05:00.000Z')] : [],
    shipments: shipped.slice(0, 60).map((o, i) => {
      const s = shipmentFor(o, i + 1, o.status === 'delivered');
      // The newest few are labelled and still on the bench: voidable, waiting for the driver.
      return i < 3 && !s.status.startsWith('deliv')
        ? { ...s, status: 'labelled', trackingStatus: 'label_created' }
        : s;
    }),
    returns: delivered.slice(0, 8).map((o, i) => returnFor(o, i)),
    printer: {
      labelFormat: 'pdf',
      thermalHost: null,
      thermalPort: 9100,
      labelPrinter: null,
      documentPrinter: null,
      packingSlipPaper: 'A4',
      printPackingSlip: true,
    },
    block: { firstSerial: 4000, size: left + 10, used: 10, warnBelow: 50 },
  };
}

function shipmentFor(o: FakeOrder, serial: number, delivered: boolean): Shipment {
  const trackingNumber = houseTrackingNumber(1000 + serial);
  return {
    id: fakeId(22, serial),
    orderId: o.id,
    orderNumber: o.number,
    carrier: 'house',
    service: serial % 5 === 0 ? 'express' : 'standard',
    trackingNumber,
    trackingUrl: `https://track.shoebox.test/${trackingNumber}`,
    status: delivered ? 'delivered' : 'in_transit',
    trackingStatus: delivered ? 'delivered' : 'in_transit',
    weightGrams: 880 + (serial % 4) * 700,
    boxCode: serial % 3 === 0 ? 'M2' : 'S1',
    createdAt: o.createdAt,
    pending: false,
  };
}

const reasons = ['too_small', 'too_large', 'too_narrow', 'changed_mind', 'defective'] as const;
function returnFor(o: FakeOrder, i: number): FakeReturn {
  const status = i < 4 ? 'requested' : i < 6 ? 'received' : 'refunded';
  const lines: ReturnLine[] = o.lineVariantIds.slice(0, 1 + (i % 2)).map((variantId, k) => {
    const exchange =
      i % 3 === 0 && k === 0
        ? variants.find(
            (v) =>
              v.productId === variantById(variantId).productId &&
              v.colourId === variantById(variantId).colourId &&
              v.sizeEu === variantById(variantId).sizeEu + 1,
          )
        : undefined;
    const price = productOf(variantById(variantId)).priceMinor;
    return {
      ...itemOf(variantId),
      id: fakeId(24, i * 10 + k),
      quantity: 1,
      reason: reasons[(i + k) % reasons.length]!,
      exchangeFor: exchange ? itemOf(exchange.id) : null,
      inspection: status === 'requested' ? null : 'restock',
      refundMinor: price,
      refundFullMinor: exchange ? 0 : price,
    };
  });
  const at = Date.parse('2026-12-01T10:00:00.000Z') - i * 86_400_000;
  return {
    row: {
      id: fakeId(23, i + 1),
      orderId: o.id,
      orderNumber: o.number,
      status,
      unitCount: lines.length,
      hasExchange: lines.some((l) => l.exchangeFor),
      createdAt: new Date(at).toISOString(),
      receivedAt: status === 'requested' ? null : new Date(at + 2 * 86_400_000).toISOString(),
      pending: false,
    },
    lines,
    refundId: status === 'refunded' ? `re_${i}` : null,
  };
}

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

function batchDetail(b: FakeBatch): ResultOf<'pick.batch'> {
  const byStop = new Map<string, PickLine[]>();
  for (const l of b.lines) byStop.set(l.variantId, [...(byStop.get(l.variantId) ?? []), l]);
  const stops = [...byStop.entries()]
    .map(([variantId, lines]) => ({
      ...itemOf(variantId),
      binCode: binOf(variantId),
      quantity: lines.reduce((s, l) => s + l.quantity, 0),
      pickedQuantity: lines.reduce((s, l) => s + l.pickedQuantity, 0),
      lines: lines.map(({ variantId: _v, ...line }) => line),
    }))
    .sort((a, b) => a.binCode.localeCompare(b.binCode) || a.sku.localeCompare(b.sku));
  return { ...batchSummary(b), stops };
}

function batchSummary(b: FakeBatch): ResultOf<'pick.batches'>['items'][number] {
  const sum = (f: (l: PickLine) => number) => b.lines.reduce((s, l) => s + f(l), 0);
  return {
    id: b.id,
    number: b.number,
    status: b.lines.every((l) => l.status !== 'open') ? 'done' : 'open',
    orderCount: new Set(b.lines.map((l) => l.orderId)).size,
    unitCount: sum((l) => l.quantity),
    pickedUnits: sum((l) => l.pickedQuantity),
    shortUnits: sum((l) => l.shortQuantity),
    createdAt: b.createdAt,
    pending: b.lines.some((l) => l.pending),
  };
}

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
