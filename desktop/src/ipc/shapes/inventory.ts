/** Inventory shapes: movements (from the API), low stock and broken size runs (from the cache). */
import { brokenSizeRun, lowStockEntry, stockMovementEntry } from '@shoebox/shared/contracts';
import { z } from 'zod';

const id = z.string().min(1).max(80);

export const inventoryTransferArgs = z
  .strictObject({
    variantId: id,
    fromLocationId: id,
    toLocationId: id,
    quantity: z.number().int().min(1).max(100_000),
  })
  .refine((a) => a.fromLocationId !== a.toLocationId, {
    path: ['toLocationId'],
    message: 'must differ from fromLocationId',
    params: { code: 'SAME_LOCATION' },
  });

export const inventoryLevelsArgs = z.strictObject({
  locationId: id.optional(),
  /** Most entries per list (the dashboard shows a few; the inventory screen more). */
  limit: z.number().int().min(1).max(1000).default(100),
});

/** What needs stock attention, computed from the cache (so it works offline). */
export const inventoryLevels = z.object({
  lowStock: z.array(lowStockEntry),
  lowStockTotal: z.number().int(),
  brokenSizeRuns: z.array(brokenSizeRun),
  brokenSizeRunTotal: z.number().int(),
});
export type InventoryLevels = z.infer<typeof inventoryLevels>;

/** One variant's, or a whole style's, movements; newest first. Needs the API (API_UNREACHABLE offline). */
export const inventoryMovementsArgs = z
  .strictObject({
    variantId: id.optional(),
    productId: id.optional(),
    locationId: id.optional(),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .refine((a) => (a.variantId === undefined) !== (a.productId === undefined), {
    message: 'Give either a variantId or a productId',
    path: ['variantId'],
  });

export const inventoryMovements = z.object({
  items: z.array(stockMovementEntry),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
