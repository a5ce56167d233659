import { type FieldError, newId } from '@shoebox/shared';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import type {
  StockAdjustBody,
  StockCountBody,
  StockReceiveBody,
  StockTransferBody,
} from '@shoebox/shared/contracts';
import type { Db, Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { requireLocation } from './inventory-locations.ts';
import { findBins, findVariants, levelsOf, readLevel } from './inventory.repo.ts';
import { type MovementInput, writeMovements } from './inventory-movements.ts';
import { inventoryErrors } from './inventory.errors.ts';

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

const { variantNotFound, linesInvalid } = inventoryErrors;

type VariantRow = Awaited<ReturnType<typeof findVariants>>[number];

/**
 * The checks receive and count share for each line: a variant appears on one line only, and it
 * exists. Returns the variant (if found) for any further checks of the caller's own.
 */
function checkVariantLine(
  errors: FieldError[],
  seen: Map<string, number>,
  variants: ReadonlyMap<string, VariantRow>,
  variantId: string,
  i: number,
): VariantRow | undefined {
  const first = seen.get(variantId);
  if (first !== undefined)
    errors.push({
      path: `lines.${i}.variantId`,
      message: `Same variant as line ${first}`,
      code: 'DUPLICATE_LINE',
    });
  else seen.set(variantId, i);
  const variant = variants.get(variantId);
  if (!variant)
    errors.push({
      path: `lines.${i}.variantId`,
      message: 'No such variant',
      code: 'VARIANT_NOT_FOUND',
    });
  return variant;
}

/** Audit lines for a multi-line operation: each input line with its SKU and the movement it wrote. */
const auditLines = <L extends { variantId: string }>(
  lines: readonly L[],
  variants: ReadonlyMap<string, VariantRow>,
  movements: ReadonlyArray<{ id: string }>,
) =>
  lines.map((l, i) => ({
    ...l,
    sku: variants.get(l.variantId)!.sku,
    movementId: movements[i]!.id,
  }));

/** The checkout-facing ledger API and the staff stock operations: everything that writes movements. */
export function createLedgerService(store: Store) {
  const requireVariant = async (db: Db, id: string) => {
    const [row] = await findVariants(db, store, [id]);
    if (!row) throw variantNotFound(id);
    return row;
  };
  const variantsById = async (ids: string[]) =>
    new Map((await findVariants(store.db, store, ids)).map((v) => [v.id, v]));

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

    // ---- staff stock operations ----

    /** A supplier delivery: every line is checked before any is written, then all go in one transaction. */
    async receive(ctx: RequestContext, input: StockReceiveBody) {
      const location = await requireLocation(store, store.db, input.locationId);
      const variants = await variantsById(input.lines.map((l) => l.variantId));
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
        const variant = checkVariantLine(errors, seen, variants, l.variantId, i);
        if (variant && !variant.active)
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
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'inventory.receive',
            entity: 'stock_location',
            entityId: location.id,
            after: {
              reference: input.reference ?? null,
              lines: auditLines(input.lines, variants, movements),
            },
          },
        });
        return { movements };
      });
    },

    /** A manual correction with a reason; the stored reason is `damage` or `damage: <note>`. */
    async adjust(ctx: RequestContext, input: StockAdjustBody) {
      await requireLocation(store, store.db, input.locationId);
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
        await recordWhatHappened(store, tx, ctx, {
          audit: {
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
      await requireLocation(store, store.db, input.locationId);
      const variants = await variantsById(input.lines.map((l) => l.variantId));
      const errors: FieldError[] = [];
      const seen = new Map<string, number>();
      input.lines.forEach((l, i) => {
        checkVariantLine(errors, seen, variants, l.variantId, i);
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
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'inventory.count',
            entity: 'stock_location',
            entityId: input.locationId,
            after: {
              reference,
              note: input.note ?? null,
              lines: auditLines(input.lines, variants, movements),
            },
          },
        });
        return { reference, movements };
      });
    },

    /** Moves units between locations: transfer_out and transfer_in in one transaction, sharing a reference. */
    async transfer(ctx: RequestContext, input: StockTransferBody) {
      await requireLocation(store, store.db, input.fromLocationId);
      await requireLocation(store, store.db, input.toLocationId);
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
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'inventory.transfer',
            entity: 'variant',
            entityId: input.variantId,
            after: { ...input, sku: variant.sku, reference, movementIds: movements.map((m) => m.id) },
          },
        });
        return { reference, movements };
      });
    },
  };
}
