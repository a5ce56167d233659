/**
 * Stock-only changes, the common case, patch the index in place instead of rebuilding it: only the
 * touched products' availability figures and in-stock sizes are recomputed.
 */
import type { CatalogIndex } from './catalog-index.ts';
import type { CatalogSource } from './catalog-source.ts';

/** Recomputes a product's in-stock flag and in-stock sizes from its variants' availability. */
export function refreshStock(index: CatalogIndex, i: number): void {
  const { vStart, vAvailable, vSize, sizes } = index;
  const inStock: number[] = [];
  for (let v = vStart[i]!, end = vStart[i + 1]!; v < end; v++) {
    if (vAvailable[v]! > 0 && !inStock.includes(vSize[v]!)) inStock.push(vSize[v]!);
  }
  index.sizesInStock[i] = inStock.sort((a, b) => a - b).map((s) => sizes[s]!);
  index.inStock[i] = inStock.length > 0 ? 1 : 0;
}

/**
 * Applies new availability figures in place (the common change: stock moves, nothing else).
 * Variants the source does not list (inactive, or of a product that is not active) are ignored.
 */
export function patchAvailability(
  source: CatalogSource,
  index: CatalogIndex,
  available: ReadonlyMap<string, number>,
): void {
  const touched = new Set<number>();
  for (const [variantId, amount] of available) {
    const v = index.variantOrdinal.get(variantId);
    if (v === undefined) continue;
    const value = Math.max(0, amount);
    source.available.set(variantId, value);
    index.vAvailable[v] = value;
    touched.add(index.vProduct[v]!);
  }
  for (const i of touched) refreshStock(index, i);
}
