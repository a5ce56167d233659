import { type FieldError, newId, normalizeSku } from '@shoebox/shared';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import type { Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { MAX_REPORTED_ERRORS, parseCountCsv, rowPath } from './inventory-csv.ts';
import { findVariantsBySku, levelsOf, listBins, listLocations } from './inventory.repo.ts';
import { type MovementInput, writeMovements } from './inventory-movements.ts';
import { inventoryErrors } from './inventory.errors.ts';

const csvInvalid = (errors: FieldError[]) => inventoryErrors.csvInvalid(errors, MAX_REPORTED_ERRORS);

const rowNumber = (path: string) => Number(/^row (\d+)/.exec(path)?.[1] ?? 0);
const sortByRow = (errors: FieldError[]) => [...errors].sort((a, b) => rowNumber(a.path) - rowNumber(b.path));

/** CSV stock-count import: resolves SKUs, location and bin codes, then writes count movements. */
export function createInventoryImport(store: Store) {
  return {
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
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'inventory.import',
            entity: 'stock_import',
            entityId: importId,
            after: result,
          },
        });
        return result;
      });
    },
  };
}
