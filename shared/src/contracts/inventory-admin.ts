import { z } from 'zod';
import { movementKinds } from '../stock.ts';
import { pageQuery } from './common.ts';

/**
 * Admin inventory API: stock locations and bins, the movement ledger (receive, adjust, count,
 * transfer), stock levels and the buyer's views (grid, low stock, broken size runs).
 */

// Location and bin codes share the SKU alphabet: A-Z, 0-9 and single dashes (`MAIN`, `A-03-2`).
const codePattern = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const code = z
  .string()
  .trim()
  .toUpperCase()
  .min(1)
  .max(16)
  .regex(codePattern, 'use A-Z, 0-9 and single dashes, e.g. A-03-2');

/** A whole number: a fraction answers field code NOT_INTEGER (http/problem.ts). */
const whole = () => z.number().int('must be a whole number');
/** Units moved by one line: 1 to 100,000. */
const quantity = whole().min(1).max(100_000);
/** Upper bound for any single count or expected count: far above any real shelf. */
const MAX_UNITS = 1_000_000;
const units = whole().min(0).max(MAX_UNITS);

// ---- locations and bins ----

export const createStockLocationBody = z.strictObject({
  code,
  name: z.string().trim().min(1).max(120),
});
export const stockLocation = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type StockLocation = z.infer<typeof stockLocation>;

export const createStockBinBody = z.strictObject({ code });
export const stockBin = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  code: z.string(),
  createdAt: z.string(),
});
export type StockBin = z.infer<typeof stockBin>;

// ---- ledger writes ----

/** The most lines one receive or count request may carry; larger deliveries go through CSV import. */
export const MAX_INVENTORY_LINES = 500;

export const stockReceiveBody = z.strictObject({
  locationId: z.uuid(),
  /** Supplier delivery note or purchase order number. */
  reference: z.string().trim().min(1).max(64).optional(),
  lines: z
    .array(
      z.strictObject({
        variantId: z.uuid(),
        quantity,
        /** Where the units were shelved; becomes the level's bin. */
        binId: z.uuid().optional(),
      }),
    )
    .min(1)
    .max(MAX_INVENTORY_LINES),
});
export type StockReceiveBody = z.infer<typeof stockReceiveBody>;

export const adjustReasons = ['damage', 'loss', 'found', 'correction'] as const;
export type AdjustReason = (typeof adjustReasons)[number];

/**
 * A manual correction. The reason fixes the direction: damage and loss take units away,
 * found adds them, a correction may go either way.
 */
export const stockAdjustBody = z
  .strictObject({
    locationId: z.uuid(),
    variantId: z.uuid(),
    delta: whole()
      .min(-100_000)
      .max(100_000)
      .refine((n) => n !== 0, { message: 'must not be 0', params: { code: 'ZERO_DELTA' } }),
    reason: z.enum(adjustReasons),
    /** Free text stored with the movement, e.g. "heel snapped in the window display". */
    note: z.string().trim().max(160).optional(),
  })
  .refine(
    (b) => b.reason === 'correction' || b.delta === 0 || (b.reason === 'found' ? b.delta > 0 : b.delta < 0),
    {
      path: ['delta'],
      message: 'damage and loss remove units (negative delta); found adds them (positive delta)',
      params: { code: 'REASON_DIRECTION' },
    },
  );
export type StockAdjustBody = z.infer<typeof stockAdjustBody>;

/**
 * A cycle count. Each line becomes a `count` movement of `counted - expectedOnHand`, so sales and
 * receipts the counter did not know about while counting are kept.
 */
export const stockCountBody = z.strictObject({
  locationId: z.uuid(),
  lines: z
    .array(
      z.strictObject({
        variantId: z.uuid(),
        counted: units,
        /** The on-hand figure the counter saw when the count started. */
        expectedOnHand: units,
      }),
    )
    .min(1)
    .max(MAX_INVENTORY_LINES),
  note: z.string().trim().max(120).optional(),
});
export type StockCountBody = z.infer<typeof stockCountBody>;

export const stockTransferBody = z
  .strictObject({
    fromLocationId: z.uuid(),
    toLocationId: z.uuid(),
    variantId: z.uuid(),
    quantity,
    reference: z.string().trim().min(1).max(64).optional(),
  })
  .refine((b) => b.fromLocationId !== b.toLocationId, {
    path: ['toLocationId'],
    message: 'must differ from fromLocationId',
    params: { code: 'SAME_LOCATION' },
  });
export type StockTransferBody = z.infer<typeof stockTransferBody>;

export const stockMovement = z.object({
  id: z.uuid(),
  variantId: z.uuid(),
  locationId: z.uuid(),
  kind: z.enum(movementKinds),
  /** Positive, except for adjust and count where the sign is the direction. */
  quantity: z.number().int(),
  onHandDelta: z.number().int(),
  reservedDelta: z.number().int(),
  reason: z.string().nullable(),
  reference: z.string().nullable(),
});

export const stockReceiveResult = z.object({ movements: z.array(stockMovement) });
export const stockAdjustResult = z.object({
  movement: stockMovement,
  level: z.object({ onHand: z.number().int(), reserved: z.number().int(), available: z.number().int() }),
});
export const stockCountResult = z.object({ movements: z.array(stockMovement) });
export const stockTransferResult = z.object({ reference: z.string(), movements: z.array(stockMovement) });

/** CSV import result: data rows read and ledger entries written (one count per row). */
export const stockImportResult = z.object({
  importId: z.uuid(),
  rows: z.number().int(),
  movements: z.number().int(),
  /** Rows whose count differed from the books. */
  changed: z.number().int(),
});

// ---- reads ----

export const stockLevelsQuery = z.strictObject({
  variantId: z.uuid().optional(),
  productId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  /** Only levels at or below their variant's low-stock threshold. */
  lowStock: z.stringbool().optional(),
  ...pageQuery,
});
export type StockLevelsQuery = z.infer<typeof stockLevelsQuery>;

export const stockLevel = z.object({
  variantId: z.uuid(),
  productId: z.uuid(),
  locationId: z.uuid(),
  locationCode: z.string(),
  sku: z.string(),
  productName: z.string(),
  colourId: z.uuid(),
  colourName: z.string(),
  sizeEu: z.number(),
  width: z.string(),
  binId: z.uuid().nullable(),
  binCode: z.string().nullable(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  lowStockThreshold: z.number().int(),
  lowStock: z.boolean(),
  updatedAt: z.string(),
});
export type StockLevelRow = z.infer<typeof stockLevel>;

export const stockLevelsCsvQuery = z.strictObject({ locationId: z.uuid().optional() });

export const stockGridQuery = z.strictObject({ locationId: z.uuid().optional() });
export const stockGridCell = z.object({
  variantId: z.uuid(),
  sku: z.string(),
  colourId: z.uuid(),
  sizeEu: z.number(),
  width: z.string(),
  active: z.boolean(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  lowStockThreshold: z.number().int(),
  lowStock: z.boolean(),
});
/** Sizes across, colours down; each cell sums the variant's stock over the chosen locations. */
export const stockGrid = z.object({
  productId: z.uuid(),
  productName: z.string(),
  styleCode: z.string(),
  status: z.string(),
  sizes: z.array(z.number()),
  colours: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string(), swatchHex: z.string() })),
  cells: z.array(stockGridCell),
});

export const stockMovementsQuery = z.strictObject({
  variantId: z.uuid().optional(),
  productId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  kind: z.enum(movementKinds).optional(),
  reference: z.string().max(64).optional(),
  /** ISO timestamps, inclusive `from`, exclusive `to`. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  ...pageQuery,
});
export type StockMovementsQuery = z.infer<typeof stockMovementsQuery>;

export const stockMovementEntry = stockMovement.extend({
  sku: z.string(),
  locationCode: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  createdAt: z.string(),
});

export const lowStockQuery = z.strictObject({ locationId: z.uuid().optional(), ...pageQuery });
/** A variant (active, of an active product) whose available stock is at or below its threshold. */
export const lowStockEntry = z.object({
  variantId: z.uuid(),
  productId: z.uuid(),
  productName: z.string(),
  sku: z.string(),
  colourName: z.string(),
  sizeEu: z.number(),
  width: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  lowStockThreshold: z.number().int(),
});

export const brokenSizeRunsQuery = z.strictObject({ locationId: z.uuid().optional(), ...pageQuery });
/** An active style and colour where some core sizes (37-40) are out while other sizes still sell. */
export const brokenSizeRun = z.object({
  productId: z.uuid(),
  productName: z.string(),
  styleCode: z.string(),
  colourId: z.uuid(),
  colourName: z.string(),
  colourCode: z.string(),
  missingSizes: z.array(z.number()),
  inStockSizes: z.array(z.number()),
});
