/**
 * The fake warehouse's state: pick batches, shipments and returns made from the fake shop's
 * orders, and the item helpers the handlers (fake-fulfillment.ts) share.
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

export type PickLine = ResultOf<'pick.batch'>['stops'][number]['lines'][number] & { variantId: string };
export interface FakeBatch {
  id: string;
  number: string;
  createdAt: string;
  lines: PickLine[];
}
export type Shipment = ResultOf<'shipments.list'>['items'][number] & { orderIdForBatch?: string };
export type ReturnLine = ResultOf<'returns.detail'>['lines'][number] & { refundFullMinor: number };
export interface FakeReturn {
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

export const variantById = (id: string) => variants.find((v) => v.id === id)!;

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

export const weightOf = (variantId: string) =>
  productOf(variantById(variantId)).styleCode === 'POR-BOOT' ? 1100 : 700;

export function newBatch(n: number, orders: FakeOrder[], createdAt: string): FakeBatch {
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

export function shipmentFor(o: FakeOrder, serial: number, delivered: boolean): Shipment {
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

export const reasons = ['too_small', 'too_large', 'too_narrow', 'changed_mind', 'defective'] as const;
export function returnFor(o: FakeOrder, i: number): FakeReturn {
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

export function batchDetail(b: FakeBatch): ResultOf<'pick.batch'> {
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

export function batchSummary(b: FakeBatch): ResultOf<'pick.batches'>['items'][number] {
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
