import { coreSizes } from '@shoebox/shared';
import type { StockLevelsQuery, StockMovementsQuery } from '@shoebox/shared/contracts';
import type { Store } from '../../db/client.ts';
import { formatLevelsCsv } from './inventory-csv.ts';
import { requireLocation } from './inventory-locations.ts';
import {
  levelsForCsv,
  productGrid,
  queryLevels,
  queryLowStock,
  queryMovements,
  sellableAvailability,
} from './inventory.repo.ts';
import { inventoryErrors } from './inventory.errors.ts';

/** Read-only views of stock: levels (JSON and CSV), the size grid, movements and the stock reports. */
export function createInventoryReads(store: Store) {
  return {
    levels: (q: StockLevelsQuery) => queryLevels(store, q),

    async levelsCsv(locationId: string | undefined) {
      if (locationId) await requireLocation(store, store.db, locationId);
      return formatLevelsCsv(await levelsForCsv(store, locationId));
    },

    async grid(productId: string, locationId: string | undefined) {
      if (locationId) await requireLocation(store, store.db, locationId);
      const grid = await productGrid(store, productId, locationId);
      if (!grid) throw inventoryErrors.productNotFound();
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
