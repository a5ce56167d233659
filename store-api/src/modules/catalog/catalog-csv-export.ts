/** Catalog CSV export formatting. */
import { type CatalogCsvColumn, catalogCsvColumns } from '@shoebox/shared/contracts';
import type { ProductRow, VariantRow } from './catalog.repo.ts';

export interface ExportRefs {
  brandSlug: ReadonlyMap<string, string>;
  categorySlug: ReadonlyMap<string, string>;
  colourCode: ReadonlyMap<string, string>;
}

const cell = (n: number | null): string => (n === null ? '' : String(n));

/** One CSV row (in catalogCsvColumns order) for a variant, or for a product without variants. */
export function exportRow(p: ProductRow, v: VariantRow | null, refs: ExportRefs): string[] {
  const row: Record<CatalogCsvColumn, string> = {
    style_code: p.styleCode,
    product_name: p.name,
    brand_slug: refs.brandSlug.get(p.brandId) ?? '',
    category_slug: refs.categorySlug.get(p.categoryId) ?? '',
    material: p.material,
    heel_height_mm: String(p.heelHeightMm),
    base_price_minor: String(p.basePriceMinor),
    currency: p.currency,
    status: p.status,
    colour_code: v ? (refs.colourCode.get(v.colourId) ?? '') : '',
    size_eu: v ? String(v.sizeEuTenths / 10) : '',
    width: v ? v.width : '',
    sku: v ? v.sku : '',
    gtin: v?.gtin ?? '',
    price_minor: v ? cell(v.priceMinor) : '',
    compare_at_minor: v ? cell(v.compareAtMinor) : '',
    weight_grams: v ? String(v.weightGrams) : '',
  };
  return catalogCsvColumns.map((c) => row[c]);
}
