import {
  brokenSizeRun,
  brokenSizeRunsQuery,
  createStockBinBody,
  createStockLocationBody,
  idParam,
  lowStockEntry,
  lowStockQuery,
  pageOf,
  stockAdjustBody,
  stockAdjustResult,
  stockBin,
  stockCountBody,
  stockCountResult,
  stockGrid,
  stockGridQuery,
  stockImportResult,
  stockLevel,
  stockLevelsCsvQuery,
  stockLevelsQuery,
  stockLocation,
  stockMovementEntry,
  stockMovementsQuery,
  stockReceiveBody,
  stockReceiveResult,
  stockTransferBody,
  stockTransferResult,
} from '@shoebox/shared/contracts';
import { z } from 'zod';
import { actorHas } from '../../http/authorize.ts';
import { defineRoute, SENT } from '../../http/route.ts';
import type { InventoryService } from './inventory.service.ts';
import { inventoryErrors } from './inventory.errors.ts';

const tag = 'Inventory';
const refused = ['INSUFFICIENT_STOCK'] as const;

export const inventoryRoutes = (inventory: InventoryService) => [
  // ---- locations and bins ----
  defineRoute({
    method: 'get',
    path: '/admin/stock-locations',
    summary: 'List stock locations (warehouses, shop stockrooms). Needs inventory:read.',
    tag,
    access: 'inventory:read',
    response: z.array(stockLocation),
    handler: () => inventory.listLocations(),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/stock-locations',
    summary: 'Create a stock location. A shop setting, so it needs settings:manage (owner).',
    tag,
    access: 'settings:manage',
    body: createStockLocationBody,
    response: stockLocation,
    status: 201,
    errors: ['LOCATION_CODE_TAKEN'],
    handler: (ctx, { body }) => inventory.createLocation(ctx, body),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/stock-locations/:id/bins',
    summary: "List a location's bins in pick order (by code). Needs inventory:read.",
    tag,
    access: 'inventory:read',
    params: idParam,
    response: z.array(stockBin),
    errors: ['LOCATION_NOT_FOUND'],
    handler: (_ctx, { params }) => inventory.listBins(params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/stock-locations/:id/bins',
    summary:
      'Create a bin (aisle-shelf-bin, e.g. A-03-2) in a location. Warehouse work: needs inventory:adjust.',
    tag,
    access: 'inventory:adjust',
    params: idParam,
    body: createStockBinBody,
    response: stockBin,
    status: 201,
    errors: ['LOCATION_NOT_FOUND', 'BIN_CODE_TAKEN'],
    handler: (ctx, { params, body }) => inventory.createBin(ctx, params.id, body),
  }),

  // ---- ledger writes ----
  defineRoute({
    method: 'post',
    path: '/admin/inventory/receive',
    summary:
      'Receive a supplier delivery (up to 500 lines, all checked before any is written, one transaction); a line may shelve the stock in a bin',
    tag,
    access: 'inventory:receive',
    body: stockReceiveBody,
    response: stockReceiveResult,
    status: 201,
    errors: ['LOCATION_NOT_FOUND', 'LINES_INVALID'],
    handler: (ctx, { body }) => inventory.receive(ctx, body),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/inventory/adjust',
    summary: 'Adjust stock with a reason (damage, loss: negative; found: positive; correction: either)',
    tag,
    access: 'inventory:adjust',
    body: stockAdjustBody,
    response: stockAdjustResult,
    status: 201,
    errors: ['LOCATION_NOT_FOUND', 'VARIANT_NOT_FOUND', ...refused],
    handler: (ctx, { body }) => inventory.adjust(ctx, body),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/inventory/count',
    summary: 'Record a cycle count: each line moves stock by counted - expectedOnHand',
    tag,
    access: 'inventory:count',
    body: stockCountBody,
    response: stockCountResult.extend({ reference: z.string() }),
    status: 201,
    errors: ['LOCATION_NOT_FOUND', 'LINES_INVALID', ...refused],
    handler: (ctx, { body }) => inventory.count(ctx, body),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/inventory/transfer',
    summary: 'Move units between locations (transfer_out + transfer_in in one transaction)',
    tag,
    access: 'inventory:adjust',
    body: stockTransferBody,
    response: stockTransferResult,
    status: 201,
    errors: ['LOCATION_NOT_FOUND', 'VARIANT_NOT_FOUND', ...refused],
    handler: (ctx, { body }) => inventory.transfer(ctx, body),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/inventory/import',
    summary:
      'Import a stock count as CSV (sku, location_code, counted[, bin_code]); all rows or none. Needs inventory:import and inventory:count.',
    tag,
    access: 'inventory:import',
    bodyKind: 'csv',
    response: stockImportResult,
    errors: ['CSV_INVALID', 'UNSUPPORTED_MEDIA_TYPE', 'PERMISSION_DENIED'],
    handler: (ctx, { raw }) => {
      if (!actorHas(ctx.actor, 'inventory:count')) throw inventoryErrors.countDenied();
      return inventory.importCounts(ctx, raw ? raw.toString('utf8') : '');
    },
  }),

  // ---- reads ----
  defineRoute({
    method: 'get',
    path: '/admin/inventory/levels',
    summary: 'Stock levels per variant and location (on hand, reserved, available, bin), filterable',
    tag,
    access: 'inventory:read',
    query: stockLevelsQuery,
    response: pageOf(stockLevel),
    handler: (_ctx, { query }) => inventory.levels(query),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/inventory/levels.csv',
    summary: 'All stock levels as CSV: sku, location_code, bin_code, on_hand, reserved, available',
    tag,
    access: 'inventory:read',
    query: stockLevelsCsvQuery,
    errors: ['LOCATION_NOT_FOUND'],
    handler: async (_ctx, { query, res }) => {
      const csv = await inventory.levelsCsv(query.locationId);
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('content-disposition', 'attachment; filename="stock-levels.csv"')
        .send(csv);
      return SENT;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/admin/inventory/products/:id/grid',
    summary: "A product's stock as a sizes x colours grid, summed over locations (or one)",
    tag,
    access: 'inventory:read',
    params: idParam,
    query: stockGridQuery,
    response: stockGrid,
    errors: ['PRODUCT_NOT_FOUND', 'LOCATION_NOT_FOUND'],
    handler: (_ctx, { params, query }) => inventory.grid(params.id, query.locationId),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/inventory/movements',
    summary: 'The stock ledger, newest first, filterable',
    tag,
    access: 'inventory:read',
    query: stockMovementsQuery,
    response: pageOf(stockMovementEntry),
    handler: (_ctx, { query }) => inventory.movements(query),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/inventory/low-stock',
    summary: 'Sellable variants with available stock at or below their low-stock threshold',
    tag,
    access: 'inventory:read',
    query: lowStockQuery,
    response: pageOf(lowStockEntry),
    handler: (_ctx, { query }) => inventory.lowStock(query),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/inventory/broken-size-runs',
    summary: 'Active styles and colours where core sizes (37-40) are out while other sizes remain',
    tag,
    access: 'inventory:read',
    query: brokenSizeRunsQuery,
    response: pageOf(brokenSizeRun),
    handler: (_ctx, { query }) => inventory.brokenSizeRuns(query),
  }),
];
