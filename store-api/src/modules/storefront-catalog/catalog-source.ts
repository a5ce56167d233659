/**
 * The rows the catalog read model is made of, as loaded from SQL (read-model.loader.ts) and patched
 * by the change-log catch-up (read-model.ts). The listing index is derived from them (catalog-index.ts).
 */
import type { SizeChart } from '@shoebox/shared';

export interface BrandRow {
  id: string;
  name: string;
  slug: string;
  sizeChart: SizeChart | null;
}
export interface CategoryRow {
  id: string;
  name: string;
  slug: string;
  position: number;
}
export interface ColourRow {
  id: string;
  name: string;
  code: string;
  family: string;
  swatchHex: string;
}
export interface ProductRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  brandId: string;
  categoryId: string;
  material: string;
  heelHeightMm: number;
  basePriceMinor: number;
  currency: string;
  tags: string[];
  popularity: number;
  createdAt: number;
}
export interface VariantRow {
  id: string;
  productId: string;
  colourId: string;
  sizeEuTenths: number;
  width: string;
  sku: string;
  /** The box's barcode (EAN-13 / UPC-A): schema.org Offer `gtin` on product pages, and the product feed. */
  gtin: string | null;
  priceMinor: number | null;
  compareAtMinor: number | null;
}
export interface ImageRow {
  id: string;
  productId: string;
  position: number;
  alt: string;
  width: number;
  height: number;
}

/** What the store may show, as loaded from SQL. Only active products and their active variants. */
export interface CatalogSource {
  brands: Map<string, BrandRow>;
  categories: Map<string, CategoryRow>;
  colours: Map<string, ColourRow>;
  products: Map<string, ProductRow>;
  /** Active variants by product id. */
  variants: Map<string, VariantRow[]>;
  /** Images by product id, by position. */
  images: Map<string, ImageRow[]>;
  /** Available pairs by variant id: sum over locations of on_hand - reserved, never below 0. Absent = 0. */
  available: Map<string, number>;
}

export const emptySource = (): CatalogSource => ({
  brands: new Map(),
  categories: new Map(),
  colours: new Map(),
  products: new Map(),
  variants: new Map(),
  images: new Map(),
  available: new Map(),
});

/** Appends `value` to the list under `key`, creating the list on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Plain code-unit order: stable and locale-free, so every instance sorts alike. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
