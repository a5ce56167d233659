import {
  completePackBody,
  confirmPickBody,
  createPickBatchBody,
  idParam,
  packCheckBody,
  packCheckResult,
  packResult,
  pickBatchView,
  pickLineParams,
  shortPickBody,
} from '@shoebox/shared/contracts';
import { z } from 'zod';
import { defineRoute, SENT } from '../../http/route.ts';
import { fulfillmentErrorCodes } from './fulfillment.errors.ts';
import type { FulfillmentService } from './fulfillment.service.ts';

const tag = 'Fulfillment';
const slipQuery = z.strictObject({ paper: z.enum(['A4', 'LETTER']).default('A4') });

/** Pick and pack: every route needs `orders:fulfil` (warehouse, manager, owner). */
export const fulfillmentRoutes = (fulfillment: FulfillmentService) => [
  defineRoute({
    method: 'post',
    path: '/admin/pick-batches',
    summary:
      'Make a pick batch from paid orders (the N oldest, or the ones named); its lines are grouped by SKU and sorted by bin, its orders move to picking. Needs orders:fulfil.',
    tag,
    access: 'orders:fulfil',
    body: createPickBatchBody,
    response: pickBatchView,
    status: 201,
    errors: fulfillmentErrorCodes.create,
    handler: (ctx, { body }) => fulfillment.createBatch(ctx, body),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/pick-batches/:id',
    summary: 'A pick batch by bin: its SKU groups and the order lines in each. Needs orders:fulfil.',
    tag,
    access: 'orders:fulfil',
    params: idParam,
    response: pickBatchView,
    errors: fulfillmentErrorCodes.batch,
    handler: (ctx, { params }) => fulfillment.batch(ctx, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/pick-batches/:id/lines/:lineId/confirm',
    summary:
      'Confirm a pick line (optionally with the scanned GTIN or SKU, which must match). Needs orders:fulfil.',
    tag,
    access: 'orders:fulfil',
    params: pickLineParams,
    body: confirmPickBody,
    response: pickBatchView,
    errors: fulfillmentErrorCodes.confirm,
    handler: (ctx, { params, body }) => fulfillment.confirmLine(ctx, params.id, params.lineId, body.scan),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/pick-batches/:id/lines/:lineId/short',
    summary:
      'Short pick: units not found. Flags the order and writes the missing stock off the ledger (an adjust movement with the reason). Needs orders:fulfil.',
    tag,
    access: 'orders:fulfil',
    params: pickLineParams,
    body: shortPickBody,
    response: pickBatchView,
    errors: fulfillmentErrorCodes.short,
    handler: (ctx, { params, body }) => fulfillment.shortLine(ctx, params.id, params.lineId, body),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/orders/:id/pack-check',
    summary:
      'Pack station: check the scans so far against the order (the last one is the new scan); a wrong item or one too many is refused with its code. Writes nothing. Needs orders:fulfil.',
    tag,
    access: 'orders:fulfil',
    params: idParam,
    body: packCheckBody,
    response: packCheckResult,
    errors: fulfillmentErrorCodes.check,
    handler: (ctx, { params, body }) => fulfillment.packCheck(ctx, params.id, body.scans),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/orders/:id/pack',
    summary:
      'Complete packing: every unit scanned, nothing extra; box and weight (default: variant weights plus the box). The order moves to packed. Needs orders:fulfil.',
    tag,
    access: 'orders:fulfil',
    params: idParam,
    body: completePackBody,
    response: packResult,
    errors: fulfillmentErrorCodes.pack,
    handler: (ctx, { params, body }) => fulfillment.completePack(ctx, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/orders/:id/packing-slip',
    summary:
      'The packing slip PDF (A4 or Letter) with the lines, sizes and a return QR code. Needs orders:fulfil.',
    tag,
    access: 'orders:fulfil',
    params: idParam,
    query: slipQuery,
    errors: fulfillmentErrorCodes.slip,
    handler: async (ctx, { params, query, res }) => {
      const pdf = await fulfillment.packingSlip(ctx, params.id, query.paper);
      res.type('application/pdf').send(pdf);
      return SENT;
    },
  }),
];
