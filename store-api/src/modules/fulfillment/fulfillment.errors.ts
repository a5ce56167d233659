import { businessRule, conflict, notFound, type PackRefusal } from '@shoebox/shared';
import type { RouteError } from '../../http/route.ts';

export const fulfillmentErrors = {
  batchNotFound: (id: string) => notFound('PICK_BATCH_NOT_FOUND', 'No pick batch with this id.', { id }),
  lineNotFound: (lineId: string) =>
    notFound('PICK_LINE_NOT_FOUND', 'This pick batch has no line with this id.', { lineId }),
  noOrders: () => businessRule('NO_ORDERS_TO_PICK', 'No paid order is waiting to be picked.'),
  notPickable: (orders: ReadonlyArray<{ id: string; status: string }>) =>
    conflict('ORDER_NOT_PICKABLE', 'Only paid orders not yet in a batch can be picked.', { orders }),
  lineClosed: (lineId: string, status: string) =>
    conflict('PICK_LINE_CLOSED', `This line is already ${status}.`, { lineId, status }),
  scanMismatch: (scan: string, sku: string) =>
    businessRule('PICK_SCAN_MISMATCH', `Scanned ${scan}, but this line is ${sku}.`, { scan, sku }),
  shortTooMany: (missing: number, quantity: number) =>
    businessRule('INVALID_QUANTITY', `A line of ${quantity} cannot be short by ${missing}.`, {
      missing,
      quantity,
    }),
  pickNotFinished: (lines: ReadonlyArray<{ id: string; sku: string; status: string }>) =>
    conflict('PICK_NOT_FINISHED', 'Every line must be picked before the order is packed.', { lines }),
  packIncomplete: (remaining: number) =>
    businessRule('PACK_INCOMPLETE', `${remaining} item(s) of this order are not scanned yet.`, { remaining }),
  packRefused: (r: PackRefusal & { index: number }) => {
    const message =
      r.code === 'PACK_WRONG_ITEM'
        ? `Wrong item: ${r.gtin} is not in this order.`
        : r.code === 'PACK_OVER_SCAN'
          ? `One too many: this order has only ${r.quantity} of ${r.gtin}.`
          : `${r.gtin} is not a valid barcode.`;
    return businessRule(r.code, message, { ...r });
  },
};

export const fulfillmentErrorCodes = {
  batch: ['PICK_BATCH_NOT_FOUND'] as RouteError[],
  create: [
    'NO_ORDERS_TO_PICK',
    'ORDER_NOT_PICKABLE',
    { code: 'ORDER_NOT_FOUND', status: 422 },
  ] as RouteError[],
  confirm: [
    'PICK_BATCH_NOT_FOUND',
    'PICK_LINE_NOT_FOUND',
    'PICK_LINE_CLOSED',
    'PICK_SCAN_MISMATCH',
  ] as RouteError[],
  short: [
    'PICK_BATCH_NOT_FOUND',
    'PICK_LINE_NOT_FOUND',
    'PICK_LINE_CLOSED',
    { code: 'INVALID_QUANTITY', status: 422 },
    'VERSION_CONFLICT',
  ] as RouteError[],
  check: [
    'ORDER_NOT_FOUND',
    'ILLEGAL_ORDER_TRANSITION',
    'PACK_WRONG_ITEM',
    'PACK_OVER_SCAN',
    'PACK_SCAN_INVALID',
  ] as RouteError[],
  pack: [
    'ORDER_NOT_FOUND',
    'ILLEGAL_ORDER_TRANSITION',
    'PACK_WRONG_ITEM',
    'PACK_OVER_SCAN',
    'PACK_SCAN_INVALID',
    'PACK_INCOMPLETE',
    'PICK_NOT_FINISHED',
    'VERSION_CONFLICT',
  ] as RouteError[],
  slip: ['ORDER_NOT_FOUND'] as RouteError[],
};
