import { coreSizes, DomainError, type FieldError, newId, normalizeSku } from '@shoebox/shared';
import type {
  StockAdjustBody,
  StockCountBody,
  StockLevelsQuery,
  StockMovementsQuery,
  StockReceiveBody,
  StockTransferBody,
} from '@shoebox/shared/contracts';
import type { Db, Store } from '../../db/client.ts';
import { uniqueViolation } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { iso } from '../../lib/time.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { formatLevelsCsv, MAX_REPORTED_ERRORS, parseCountCsv, rowPath } from './inventory-csv.ts';
import {
  findBins,
  findLocation,
  findVariants,
  findVariantsBySku,
  levelsForCsv,
  levelsOf,
  listBins,
  listLocations,
  type MovementInput,
  productGrid,
  queryLevels,
  queryLowStock,
  queryMovements,
  readLevel,
  sellableAvailability,
  writeMovements,
} from './inventory.repo.ts';

export type { MovementInput, MovementView } from './inventory.repo.ts';

/** What checkout, payment and returns flows pass to reserve, release and sell. */
export interface StockLineInput {
  variantId: string;
  locationId: string;
  /** Positive whole number of units. */
  quantity: number;
  /** The order, cart or return this belongs to (at most 64 characters). */
  reference: string;
  reason?: string | undefined;
}

const locationNotFound = (id: string) =>
  new DomainError('not_found', 'LOCATION_NOT_FOUND', 'No stock location with this id.', {
    details: { locationId: id },
  });
const variantNotFound = (id: string) =>
  new DomainError('not_found', 'VARIANT_NOT_FOUND', 'No variant with this id.', {
    details: { variantId: id },
  });
const linesInvalid = (errors: FieldError[]) =>
  new DomainError(
    'validation',
    'LINES_INVALID',
    `${errors.length} line(s) cannot be applied; nothing was written.`,
    {
      errors,
    },
  );
const csvInvalid = (errors: FieldError[]) =>
  new DomainError(
    'validation',
    'CSV_INVALID',
    `${errors.length} problem(s) in the file; nothing was imported. First: ${errors[0]?.path}: ${errors[0]?.message}`,
    { errors: errors.slice(0, MAX_REPORTED_ERRORS), details: { errorCount: errors.length } },
  );

type LocationRow = Store['t']['stockLocations']['$inferSelect'];
type BinRow = Store['t']['bins']['$inferSelect'];
const locationView = (r: LocationRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  createdAt: iso(r.createdAt),
});
const binView = (r: BinRow) => ({
  id: r.id,
  locationId: r.locationId,
  code: r.code,
  createdAt: iso(r.createdAt),
});

export function createInventoryService(store: Store) {
  const requireLocation = async (db: Db, id: string) => {
    const row = await findLocation(db, store, id);
    if (!row) throw locationNotFound(id);
    return row;
  };
  const requireVariant = async (db: Db, id: string) => {
    const [row] = await findVariants(db, store, [id]);
    if (!row) throw variantNotFound(id);
    return row;
  };

  const applyMovements = (tx: Db, ctx: RequestContext, inputs: readonly MovementInput[]) =>
    writeMovements(store, tx, ctx, inputs);
  const applyMovement = async (tx: Db, ctx: RequestContext, input: MovementInput) =>
    (await writeMovements(store, tx, ctx, [input]))[0]!;
  const line =
    (kind: 'reserve' | 'release' | 'sell') => (tx: Db, ctx: RequestContext, input: StockLineInput) =>
      applyMovement(tx, ctx, { kind, ...input });

  return {
    // ---- ledger API for flows (checkout, payment, returns): run inside the caller's transaction ----

    /** The one way to write a movement: appends it and moves the level, or throws 422 and writes nothing. */
    applyMovement,
    /** Several movements at once (levels locked in a fixed order, so concurrent callers cannot deadlock). */
    applyMovements,
    /** Promises units to an order: reserved += quantity; 422 INSUFFICIENT_STOCK unless that many are available. */
    reserve: line('reserve'),
    /** Gives a reservation back: reserved -= quantity; 422 INSUFFICIENT_RESERVED if fewer are reserved. */
    release: line('release'),
    /** Confirms a reservation as a sale: on_hand and reserved both -= quantity; 422 INSUFFICIENT_RESERVED. */
    sell: line('sell'),
    /** Current levels of the variants at every location, for choosing where to reserve. */
    async availableByLocation(db: Db, variantIds: readonly string[]) {
      const rows = await levelsOf(db, store, variantIds);
      return rows.map((r) => ({ ...r, available: r.onHand - r.reserved }));
    },

    // ---- locations and bins ----

    async listLocations() {
      return (await listLocations(store.db, store)).map(locationView);
    },

    async createLocation(ctx: RequestContext, input: { code: string; name: string }) {
      const row = { id: newId(), code: input.code, name: input.name, createdAt: ctx.now };
      try {
        await store.tx(async (tx) => {
          await tx.insert(store.t.stockLocations).values(row);
          await recordAudit(store, tx, ctx, {
            action: 'stock_location.create',
            entity: 'stock_location',
            entityId: row.id,
            after: locationView(row),
          });
        });
      } catch (e) {
        if (uniqueViolation(e))
          throw new DomainError(
            'conflict',
            'LOCATION_CODE_TAKEN',
            `A stock location with code ${row.code} exists.`,
          );
        throw e;
      }
      return locationView(row);
    },

    async listBins(locationId: string) {
      await requireLocation(store.db, locationId);
      return (await listBins(store.db, store, [locationId])).map(binView);
    },

    async createBin(ctx: RequestContext, locationId: string, input: { code: string }) {
      await requireLocation(store.db, locationId);
      const row = { id: newId(), locationId, code: input.code, createdAt: ctx.now };
      try {
        await store.tx(async (tx) => {
          await tx.insert(store.t.bins).values(row);
          await recordAudit(store, tx, ctx, {
            action: 'bin.create',
            entity: 'bin',
            entityId: row.id,
            after: binView(row),
          });
        });
      } catch (e) {
        if (uniqueViolation(e))
          throw new DomainError(
            'conflict',
            'BIN_CODE_TAKEN',
            `Bin ${row.code} exists in this location already.`,
          );
        throw e;
      }
      return binView(row);
    },

    // ---- staff stock operations ----

    /** A supplier delivery: every line is checked before any is written, then all go in one transaction. */
    async receive(ctx: RequestContext, input: StockReceiveBody) {
      const location = await requireLocation(store.db, input.locationId);
      const variants = new Map(
        (
          await findVariants(
            store.db,
            store,
            input.lines.map((l) => l.variantId),
          )
        ).map((v) => [v.id, v]),
      );
      const bins = new Map(
        (
          await findBins(
            store.db,
            store,
            input.lines.flatMap((l) => (l.binId ? [l.binId] : [])),
          )
        ).map((b) => [b.id, b]),
      );
      const errors: FieldError[] = [];
      const seen = new Map<string, number>();
      input.lines.forEach((l, i) => {
        const variant = variants.get(l.variantId);
        const first = seen.get(l.variantId);
        if (first !== undefined)
          errors.push({
            path: `lines.${i}.variantId`,
            message: `Same variant as line ${first}`,
            code: 'DUPLICATE_LINE',
          });
        else seen.set(l.variantId, i);
        if (!variant)
          errors.push({
            path: `lines.${i}.variantId`,
            message: 'No such variant',
            code: 'VARIANT_NOT_FOUND',
          });
        else if (!variant.active)
          errors.push({
            path: `lines.${i}.variantId`,
            message: `Variant ${variant.sku} is inactive`,
            code: 'VARIANT_INACTIVE',
          });
        if (l.binId) {
          const bin = bins.get(l.binId);
          if (!bin) errors.push({ path: `lines.${i}.binId`, message: 'No such bin', code: 'BIN_NOT_FOUND' });
          else if (bin.locationId !== location.id)
            errors.push({
              path: `lines.${i}.binId`,
              message: `Bin ${bin.code} belongs to another location`,
              code: 'BIN_NOT_IN_LOCATION',
            });
        }
      });
      if (errors.length) throw linesInvalid(errors);

      return store.tx(async (tx) => {
        const movements = await writeMovements(
          store,
          tx,
          ctx,
          input.lines.map((l) => ({
            kind: 'receive' as const,
            variantId: l.variantId,
            locationId: location.id,
            quantity: l.quantity,
            reference: input.reference,
            binId: l.binId,
          })),
        );
        await recordAudit(store, tx, ctx, {
          action: 'inventory.receive',
          entity: 'stock_location',
          entityId: location.id,
          after: {
            reference: input.reference ?? null,
            lines: input.lines.map((l, i) => ({
              ...l,
              sku: variants.get(l.variantId)!.sku,
              movementId: movements[i]!.id,
            })),
          },
        });
        return { movements };
      });
    },

    /** A manual correction with a reason; the stored reason is `damage` or `damage: <note>`. */
    async adjust(ctx: RequestContext, input: StockAdjustBody) {
      await requireLocation(store.db, input.locationId);
      const variant = await requireVariant(store.db, input.variantId);
      const reason = input.note ? `${input.reason}: ${input.note}` : input.reason;
      return store.tx(async (tx) => {
        const movement = await applyMovement(tx, ctx, {
          kind: 'adjust',
          variantId: input.variantId,
          locationId: input.locationId,
          quantity: input.delta,
          reason,
        });
        const after = await readLevel(tx, store, input.variantId, input.locationId);
        const level = {
          onHand: after.onHand,
          reserved: after.reserved,
          available: after.onHand - after.reserved,
        };
        await recordAudit(store, tx, ctx, {
          action: 'inventory.adjust',
          entity: 'variant',
          entityId: input.variantId,
          before: {
            locationId: input.locationId,
            onHand: after.onHand - input.delta,
            reserved: after.reserved,
          },
          after: {
            locationId: input.locationId,
            sku: variant.sku,
            ...level,
            delta: input.delta,
            reason,
            movementId: movement.id,
          },
        });
        return { movement, level };
      });
    },

    /**
     * A cycle count: each line moves stock by `counted - expectedOnHand`, keeping movements the
     * counter did not see. The reason records what was counted, e.g. `counted 12, expected 10`.
     */
    async count(ctx: RequestContext, input: StockCountBody) {
      await requireLocation(store.db, input.locationId);
      const variants = new Map(
        (
          await findVariants(
            store.db,
            store,
            input.lines.map((l) => l.variantId),
          )
        ).map((v) => [v.id, v]),
      );
      const errors: FieldError[] = [];
      const seen = new Map<string, number>();
      input.lines.forEach((l, i) => {
        const first = seen.get(l.variantId);
        if (first !== undefined)
          errors.push({
            path: `lines.${i}.variantId`,
            message: `Same variant as line ${first}`,
            code: 'DUPLICATE_LINE',
          });
        else seen.set(l.variantId, i);
        if (!variants.has(l.variantId))
          errors.push({
            path: `lines.${i}.variantId`,
            message: 'No such variant',
            code: 'VARIANT_NOT_FOUND',
          });
      });
      if (errors.length) throw linesInvalid(errors);

      const reference = `count-${newId()}`;
      return store.tx(async (tx) => {
        const movements = await writeMovements(
          store,
          tx,
          ctx,
          input.lines.map((l) => ({
            kind: 'count' as const,
            variantId: l.variantId,
            locationId: input.locationId,
            quantity: l.counted - l.expectedOnHand,
            reason: `counted ${l.counted}, expected ${l.expectedOnHand}${input.note ? `: ${input.note}` : ''}`,
            reference,
          })),
        );
        await recordAudit(store, tx, ctx, {
          action: 'inventory.count',
          entity: 'stock_location',
          entityId: input.locationId,
          after: {
            reference,
            note: input.note ?? null,
            lines: input.lines.map((l, i) => ({
              ...l,
              sku: variants.get(l.variantId)!.sku,
              movementId: movements[i]!.id,
            })),
          },
        });
        return { reference, movements };
      });
    },

    /** Moves units between locations: transfer_out and transfer_in in one transaction, sharing a reference. */
    async transfer(ctx: RequestContext, input: StockTransferBody) {
      await requireLocation(store.db, input.fromLocationId);
      await requireLocation(store.db, input.toLocationId);
      const variant = await requireVariant(store.db, input.variantId);
      const reference = input.reference ?? `transfer-${newId()}`;
      return store.tx(async (tx) => {
        const movements = await applyMovements(tx, ctx, [
          {
            kind: 'transfer_out',
            variantId: input.variantId,
            locationId: input.fromLocationId,
            quantity: input.quantity,
            reference,
          },
          {
            kind: 'transfer_in',
            variantId: input.variantId,
            locationId: input.toLocationId,
            quantity: input.quantity,
            reference,
          },
        ]);
        await recordAudit(store, tx, ctx, {
          action: 'inventory.transfer',
          entity: 'variant',
          entityId: input.variantId,
          after: { ...input, sku: variant.sku, reference, movementIds: movements.map((m) => m.id) },
        });
        return { reference, movements };
      });
    },

    /**
     * A stock count from a CSV file (sku, location_code, counted[, bin_code]). Every row is checked
     * first; one bad row and nothing is written (400 CSV_INVALID naming each bad row). Otherwise
     * each row becomes a count movement of `counted - on_hand`, all in one transaction.
     */
    async importCounts(ctx: RequestContext, text: string) {
      const parsed = parseCountCsv(text);
      if (parsed.errors.length && parsed.rows.length === 0) throw csvInvalid(parsed.errors);
      const errors = [...parsed.errors];

      const variants = new Map(
        (await findVariantsBySku(store.db, store, parsed.rows.map((r) => r.sku).filter(Boolean))).map((v) => [
          normalizeSku(v.sku),
          v,
        ]),
      );
      const locations = new Map((await listLocations(store.db, store)).map((l) => [l.code.toUpperCase(), l]));
      const usedLocationIds = [
        ...new Set(
          parsed.rows.flatMap((r) =>
            locations.has(r.locationCode) ? [locations.get(r.locationCode)!.id] : [],
          ),
        ),
      ];
      const bins = new Map(
        (await listBins(store.db, store, usedLocationIds)).map((b) => [
          `${b.locationId}|${b.code.toUpperCase()}`,
          b,
        ]),
      );

      const seen = new Map<string, number>();
      const resolved: Array<{
        row: number;
        variantId: string;
        locationId: string;
        counted: number;
        binId: string | null;
      }> = [];
      for (const r of parsed.rows) {
        const variant = r.sku ? variants.get(r.sku) : undefined;
        const location = r.locationCode ? locations.get(r.locationCode) : undefined;
        if (r.sku && !variant)
          errors.push({
            path: rowPath(r.row, 'sku'),
            message: `No variant with SKU ${r.sku}`,
            code: 'SKU_NOT_FOUND',
          });
        if (r.locationCode && !location)
          errors.push({
            path: rowPath(r.row, 'location_code'),
            message: `No stock location with code ${r.locationCode}`,
            code: 'LOCATION_NOT_FOUND',
          });
        let binId: string | null = null;
        if (r.binCode && location) {
          const bin = bins.get(`${location.id}|${r.binCode}`);
          if (bin) binId = bin.id;
          else
            errors.push({
              path: rowPath(r.row, 'bin_code'),
              message: `No bin ${r.binCode} in location ${location.code}`,
              code: 'BIN_NOT_FOUND',
            });
        }
        if (variant && location) {
          const key = `${variant.id}|${location.id}`;
          const first = seen.get(key);
          if (first !== undefined)
            errors.push({
              path: rowPath(r.row, 'sku'),
              message: `${r.sku} at ${location.code} is counted twice (first in row ${first})`,
              code: 'DUPLICATE_ROW',
            });
          else seen.set(key, r.row);
          if (r.counted !== null)
            resolved.push({
              row: r.row,
              variantId: variant.id,
              locationId: location.id,
              counted: r.counted,
              binId,
            });
        }
      }
      if (errors.length) throw csvInvalid(sortByRow(errors));

      const importId = newId();
      return store.tx(async (tx) => {
        const levels = new Map(
          (
            await levelsOf(
              tx,
              store,
              resolved.map((r) => r.variantId),
            )
          ).map((l) => [`${l.variantId}|${l.locationId}`, l]),
        );
        const belowReserved: FieldError[] = [];
        const inputs: MovementInput[] = resolved.map((r) => {
          const level = levels.get(`${r.variantId}|${r.locationId}`);
          if (level && r.counted < level.reserved)
            belowReserved.push({
              path: rowPath(r.row, 'counted'),
              message: `Counted ${r.counted} but ${level.reserved} are reserved for orders; release them first`,
              code: 'COUNT_BELOW_RESERVED',
            });
          return {
            kind: 'count',
            variantId: r.variantId,
            locationId: r.locationId,
            quantity: r.counted - (level?.onHand ?? 0),
            reason: `import: counted ${r.counted}`,
            reference: `import-${importId}`,
            binId: r.binId,
          };
        });
        if (belowReserved.length) throw csvInvalid(belowReserved);
        const movements = await writeMovements(store, tx, ctx, inputs);
        const result = {
          importId,
          rows: parsed.rows.length,
          movements: movements.length,
          changed: movements.filter((m) => m.quantity !== 0).length,
        };
        await recordAudit(store, tx, ctx, {
          action: 'inventory.import',
          entity: 'stock_import',
          entityId: importId,
          after: result,
        });
        return result;
      });
    },

    // ---- reads ----

    levels: (q: StockLevelsQuery) => queryLevels(store, q),

    async levelsCsv(locationId: string | undefined) {
      if (locationId) await requireLocation(store.db, locationId);
      return formatLevelsCsv(await levelsForCsv(store, locationId));
    },

    async grid(productId: string, locationId: string | undefined) {
      if (locationId) await requireLocation(store.db, locationId);
      const grid = await productGrid(store, productId, locationId);
      if (!grid) throw new DomainError('not_found', 'PRODUCT_NOT_FOUND', 'No product with this id.');
      return grid;
    },

    movements: (q: StockMovementsQuery) =>
      queryMovements(store, {
        ...q,
        from: q.from === undefined ? undefined : Date.parse(q.from),
        to: q.to === undefined ? undefined : Date.parse(q.to),
      }),

    lowStock: (q: { locationId?: string | undefined; page: number; pageSize: number }) =>
      queryLowStock(store, q),

    /**
     * Active styles and colours where a core size (37-40) that the style is made in has nothing
     * available while another size of that colour still does. Half sizes count with their size
     * (37.5 is not a core size); widths are summed per size.
     */
    async brokenSizeRuns(q: { locationId?: string | undefined; page: number; pageSize: number }) {
      const rows = await sellableAvailability(store, q.locationId);
      const groups = new Map<string, { head: (typeof rows)[number]; bySize: Map<number, number> }>();
      for (const r of rows) {
        const key = `${r.productId}|${r.colourId}`;
        const group = groups.get(key) ?? { head: r, bySize: new Map<number, number>() };
        group.bySize.set(r.sizeEu, (group.bySize.get(r.sizeEu) ?? 0) + r.available);
        groups.set(key, group);
      }
      const core: ReadonlySet<number> = new Set(coreSizes);
      const runs = [...groups.values()].flatMap(({ head, bySize }) => {
        const sizes = [...bySize.keys()].sort((a, b) => a - b);
        const missingSizes = sizes.filter((s) => core.has(s) && bySize.get(s)! <= 0);
        const inStockSizes = sizes.filter((s) => bySize.get(s)! > 0);
        if (missingSizes.length === 0 || inStockSizes.length === 0) return [];
        return [
          {
            productId: head.productId,
            productName: head.productName,
            styleCode: head.styleCode,
            colourId: head.colourId,
            colourName: head.colourName,
            colourCode: head.colourCode,
            missingSizes,
            inStockSizes,
          },
        ];
      });
      runs.sort(
        (a, b) =>
          a.productName.localeCompare(b.productName) ||
          a.styleCode.localeCompare(b.styleCode) ||
          a.colourName.localeCompare(b.colourName),
      );
      const start = (q.page - 1) * q.pageSize;
      return {
        items: runs.slice(start, start + q.pageSize),
        page: q.page,
        pageSize: q.pageSize,
        total: runs.length,
      };
    },
  };
}
export type InventoryService = ReturnType<typeof createInventoryService>;

const rowNumber = (path: string) => Number(/^row (\d+)/.exec(path)?.[1] ?? 0);
const sortByRow = (errors: FieldError[]) => [...errors].sort((a, b) => rowNumber(a.path) - rowNumber(b.path));
