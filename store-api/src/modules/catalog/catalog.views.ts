import type { SizeChart, Width } from '@shoebox/shared';
import { widths } from '@shoebox/shared';
import {
  type AdminBrand,
  type AdminCategory,
  type AdminColour,
  type AdminProduct,
  type AdminVariant,
  type ColourFamily,
  imageUrls,
  type ProductStatus,
} from '@shoebox/shared/contracts';
import { iso } from '../../lib/time.ts';
import type { BrandRow, CategoryRow, ColourRow, ImageRow, ProductRow, VariantRow } from './catalog.repo.ts';

export const brandView = (b: BrandRow): AdminBrand => ({
  id: b.id,
  name: b.name,
  slug: b.slug,
  sizeChart: (b.sizeChart as SizeChart | null) ?? null,
});

export const categoryView = (c: CategoryRow): AdminCategory => ({
  id: c.id,
  name: c.name,
  slug: c.slug,
  position: c.position,
});

export const colourView = (c: ColourRow): AdminColour => ({
  id: c.id,
  name: c.name,
  code: c.code,
  family: c.family as ColourFamily,
  swatchHex: c.swatchHex,
});

export const productView = (p: ProductRow): AdminProduct => ({
  id: p.id,
  styleCode: p.styleCode,
  slug: p.slug,
  name: p.name,
  description: p.description,
  brandId: p.brandId,
  categoryId: p.categoryId,
  material: p.material,
  heelHeightMm: p.heelHeightMm,
  basePriceMinor: p.basePriceMinor,
  currency: p.currency as AdminProduct['currency'],
  status: p.status as ProductStatus,
  tags: p.tags,
  version: p.version,
  createdAt: iso(p.createdAt),
  updatedAt: iso(p.updatedAt),
});

export const variantView = (v: VariantRow, basePriceMinor: number): AdminVariant => ({
  id: v.id,
  productId: v.productId,
  colourId: v.colourId,
  sizeEu: v.sizeEuTenths / 10,
  width: v.width as Width,
  sku: v.sku,
  gtin: v.gtin,
  priceMinor: v.priceMinor,
  compareAtMinor: v.compareAtMinor,
  effectivePriceMinor: v.priceMinor ?? basePriceMinor,
  weightGrams: v.weightGrams,
  lowStockThreshold: v.lowStockThreshold,
  active: v.active,
});

export const imageView = (i: ImageRow) => ({
  id: i.id,
  productId: i.productId,
  position: i.position,
  alt: i.alt,
  width: i.width,
  height: i.height,
  urls: imageUrls(i.id, i.width),
});

/** Variants in display order: colour code, then size, then width (narrow to extra wide). */
export function sortVariants(variants: VariantRow[], colourCode: ReadonlyMap<string, string>): VariantRow[] {
  return [...variants].sort(
    (a, b) =>
      (colourCode.get(a.colourId) ?? '').localeCompare(colourCode.get(b.colourId) ?? '') ||
      a.sizeEuTenths - b.sizeEuTenths ||
      widths.indexOf(a.width as Width) - widths.indexOf(b.width as Width),
  );
}
