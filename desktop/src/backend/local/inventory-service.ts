import { coreSizes } from '@shoebox/shared';
import type { InventoryLevels } from '../../ipc/index.ts';
import type { CacheView } from './cache-view.ts';
import type { CatalogService } from './catalog-service.ts';

type LowStock = InventoryLevels['lowStock'][number];
type BrokenRun = InventoryLevels['brokenSizeRuns'][number];

/**
 * What needs stock attention, computed from the cache with store-api's rules (inventory-reads):
 * low stock is an active variant of an active style whose available stock is at or below its
 * threshold; a broken size run is an active style and colour where a core size (37-40) it is
 * made in has nothing available while another size still does (widths summed per size).
 */
export function createInventoryService(view: CacheView, catalog: CatalogService) {
  function sellable(locationId: string | undefined) {
    const stock = catalog.stockByVariant(locationId);
    const products = new Map(
      view
        .rows('product')
        .filter((p) => p.status === 'active')
        .map((p) => [p.id, p]),
    );
    const colours = new Map(view.rows('colour').map((c) => [c.id, c]));
    return view
      .rows('variant')
      .filter((v) => v.active && products.has(v.productId))
      .map((v) => {
        const s = stock.get(v.id) ?? { onHand: 0, reserved: 0 };
        return {
          v,
          product: products.get(v.productId)!,
          colour: colours.get(v.colourId),
          ...s,
          available: s.onHand - s.reserved,
        };
      });
  }

  function levels(locationId: string | undefined, limit: number): InventoryLevels {
    const rows = sellable(locationId);
    const lowStock: LowStock[] = rows
      .filter((r) => r.available <= r.v.lowStockThreshold)
      .map((r) => ({
        variantId: r.v.id,
        productId: r.product.id,
        productName: r.product.name,
        sku: r.v.sku,
        colourName: r.colour?.name ?? '',
        sizeEu: r.v.sizeEuTenths / 10,
        width: r.v.width,
        onHand: r.onHand,
        reserved: r.reserved,
        available: r.available,
        lowStockThreshold: r.v.lowStockThreshold,
      }))
      .sort((a, b) => a.available - b.available || a.sku.localeCompare(b.sku));

    const groups = new Map<string, { head: (typeof rows)[number]; bySize: Map<number, number> }>();
    for (const r of rows) {
      const key = `${r.product.id}|${r.v.colourId}`;
      const group = groups.get(key) ?? { head: r, bySize: new Map<number, number>() };
      const size = r.v.sizeEuTenths / 10;
      group.bySize.set(size, (group.bySize.get(size) ?? 0) + r.available);
      groups.set(key, group);
    }
    const core: ReadonlySet<number> = new Set(coreSizes);
    const brokenSizeRuns: BrokenRun[] = [...groups.values()].flatMap(({ head, bySize }) => {
      const sizes = [...bySize.keys()].sort((a, b) => a - b);
      const missingSizes = sizes.filter((s) => core.has(s) && (bySize.get(s) ?? 0) <= 0);
      const inStockSizes = sizes.filter((s) => (bySize.get(s) ?? 0) > 0);
      if (missingSizes.length === 0 || inStockSizes.length === 0) return [];
      return [
        {
          productId: head.product.id,
          productName: head.product.name,
          styleCode: head.product.styleCode,
          colourId: head.v.colourId,
          colourName: head.colour?.name ?? '',
          colourCode: head.colour?.code ?? '',
          missingSizes,
          inStockSizes,
        },
      ];
    });
    brokenSizeRuns.sort(
      (a, b) =>
        a.productName.localeCompare(b.productName) ||
        a.styleCode.localeCompare(b.styleCode) ||
        a.colourName.localeCompare(b.colourName),
    );
    return {
      lowStock: lowStock.slice(0, limit),
      lowStockTotal: lowStock.length,
      brokenSizeRuns: brokenSizeRuns.slice(0, limit),
      brokenSizeRunTotal: brokenSizeRuns.length,
    };
  }

  return { levels };
}
export type InventoryService = ReturnType<typeof createInventoryService>;
