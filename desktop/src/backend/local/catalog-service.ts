import { DomainError } from '@shoebox/shared';
import type { EntityRow } from '@shoebox/sync/protocol';
import type {
  ArgsOf,
  CatalogProductDetail,
  CatalogProductSummary,
  CatalogVariant,
  ResultOf,
} from '../../ipc/index.ts';
import type { CacheView } from './cache-view.ts';
import { iso, type Visibility } from './visibility.ts';

type Product = EntityRow<'product'>;
type Variant = EntityRow<'variant'>;

/** Stock of one variant over the chosen locations. */
export interface VariantStock {
  onHand: number;
  reserved: number;
}

/** The catalogue from the cache: styles, their variants and stock, and scanned codes. */
export function createCatalogService(view: CacheView) {
  const stockByVariant = (locationId?: string): Map<string, VariantStock> => {
    const out = new Map<string, VariantStock>();
    for (const level of view.rows('stockLevel')) {
      if (locationId && level.locationId !== locationId) continue;
      const sum = out.get(level.variantId) ?? { onHand: 0, reserved: 0 };
      sum.onHand += level.onHand;
      sum.reserved += level.reserved;
      out.set(level.variantId, sum);
    }
    return out;
  };

  const byId = <E extends 'brand' | 'category' | 'colour'>(entity: E) =>
    new Map(view.rows(entity).map((r) => [r.id, r]));

  const variantsByProduct = (): Map<string, Variant[]> => {
    const out = new Map<string, Variant[]>();
    for (const v of view.rows('variant')) out.set(v.productId, [...(out.get(v.productId) ?? []), v]);
    return out;
  };

  const matches = (q: string, product: Product, variants: readonly Variant[]): boolean => {
    const needle = q.toLowerCase();
    return (
      product.name.toLowerCase().includes(needle) ||
      product.styleCode.toLowerCase().includes(needle) ||
      variants.some((v) => v.sku.toLowerCase().includes(needle) || v.gtin === q)
    );
  };

  return {
    stockByVariant,

    products(args: ArgsOf<'catalog.products'>): ResultOf<'catalog.products'> {
      const brands = byId('brand');
      const categories = byId('category');
      const variants = variantsByProduct();
      const stock = stockByVariant();
      const pendingProducts = view.pending('product');
      const pendingLevels = new Set([...view.pending('stockLevel').values()].map((l) => l.variantId));
      const items: CatalogProductSummary[] = [];
      for (const p of view.rows('product')) {
        const own = variants.get(p.id) ?? [];
        if (args.status && p.status !== args.status) continue;
        if (args.brandId && p.brandId !== args.brandId) continue;
        if (args.categoryId && p.categoryId !== args.categoryId) continue;
        if (args.q && !matches(args.q, p, own)) continue;
        let stockTotal = 0;
        let reserved = 0;
        for (const v of own) {
          stockTotal += stock.get(v.id)?.onHand ?? 0;
          reserved += stock.get(v.id)?.reserved ?? 0;
        }
        items.push({
          id: p.id,
          name: p.name,
          styleCode: p.styleCode,
          brandId: p.brandId,
          brandName: brands.get(p.brandId)?.name ?? null,
          categoryId: p.categoryId,
          categoryName: categories.get(p.categoryId)?.name ?? null,
          status: p.status,
          variantCount: own.length,
          stockTotal,
          availableTotal: stockTotal - reserved,
          pending: pendingProducts.has(p.id) || own.some((v) => pendingLevels.has(v.id)),
        });
      }
      items.sort((a, b) => a.name.localeCompare(b.name) || a.styleCode.localeCompare(b.styleCode));
      const start = (args.page - 1) * args.pageSize;
      return {
        items: items.slice(start, start + args.pageSize),
        page: args.page,
        pageSize: args.pageSize,
        total: items.length,
      };
    },

    product(productId: string, see: Visibility): CatalogProductDetail {
      const p = view.get('product', productId);
      if (!p) throw new DomainError('not_found', 'PRODUCT_NOT_FOUND', 'This product is not in the cache.');
      const colours = byId('colour');
      const stock = stockByVariant();
      const brand = view.get('brand', p.brandId);
      const category = view.get('category', p.categoryId);
      const own = view.rows('variant', { column: 'product_id', field: 'productId', value: p.id });
      const pendingLevels = new Set([...view.pending('stockLevel').values()].map((l) => l.variantId));
      const variants: CatalogVariant[] = own.map((v) => {
        const colour = colours.get(v.colourId);
        const s = stock.get(v.id) ?? { onHand: 0, reserved: 0 };
        return {
          id: v.id,
          sku: v.sku,
          gtin: v.gtin,
          colourId: v.colourId,
          colourName: colour?.name ?? '',
          colourCode: colour?.code ?? '',
          sizeEu: v.sizeEuTenths / 10,
          width: v.width,
          active: v.active,
          lowStockThreshold: v.lowStockThreshold,
          weightGrams: v.weightGrams,
          onHand: s.onHand,
          reserved: s.reserved,
          available: s.onHand - s.reserved,
          priceMinor: see.money ? (v.priceMinor ?? null) : null,
          compareAtMinor: see.money ? (v.compareAtMinor ?? null) : null,
        };
      });
      variants.sort(
        (a, b) =>
          a.colourCode.localeCompare(b.colourCode) || a.sizeEu - b.sizeEu || a.width.localeCompare(b.width),
      );
      return {
        id: p.id,
        styleCode: p.styleCode,
        slug: p.slug,
        name: p.name,
        description: p.description,
        material: p.material,
        heelHeightMm: p.heelHeightMm,
        status: p.status,
        tags: p.tags,
        currency: p.currency,
        basePriceMinor: see.money ? (p.basePriceMinor ?? null) : null,
        pricesVisible: see.money,
        brand: brand ? { id: brand.id, name: brand.name } : null,
        category: category ? { id: category.id, name: category.name } : null,
        version: p.version,
        updatedAt: iso(p.updatedAt),
        pending: view.pending('product').has(p.id) || own.some((v) => pendingLevels.has(v.id)),
        variants,
      };
    },

    findByCode(code: string): ResultOf<'catalog.findByCode'> {
      const trimmed = code.trim();
      const [variant] = [
        ...view.rows('variant', { column: 'gtin', field: 'gtin', value: trimmed }),
        ...view.rows('variant', { column: 'sku', field: 'sku', value: trimmed.toUpperCase() }),
        ...(trimmed.toUpperCase() === trimmed
          ? []
          : view.rows('variant', { column: 'sku', field: 'sku', value: trimmed })),
      ];
      if (!variant) return null;
      const product = view.get('product', variant.productId);
      const colour = view.get('colour', variant.colourId);
      return {
        variantId: variant.id,
        sku: variant.sku,
        gtin: variant.gtin,
        productId: variant.productId,
        productName: product?.name ?? '',
        colourName: colour?.name ?? '',
        sizeEu: variant.sizeEuTenths / 10,
        width: variant.width,
      };
    },

    grid(productId: string, locationId: string | undefined): ResultOf<'inventory.grid'> {
      const p = view.get('product', productId);
      if (!p) throw new DomainError('not_found', 'PRODUCT_NOT_FOUND', 'This product is not in the cache.');
      const stock = stockByVariant(locationId);
      const own = view.rows('variant', { column: 'product_id', field: 'productId', value: p.id });
      const colourIds = [...new Set(own.map((v) => v.colourId))];
      const colours = colourIds
        .map((id) => view.get('colour', id))
        .filter((c): c is EntityRow<'colour'> => c !== null)
        .sort((a, b) => a.code.localeCompare(b.code));
      const cells = own.map((v) => {
        const s = stock.get(v.id) ?? { onHand: 0, reserved: 0 };
        const available = s.onHand - s.reserved;
        return {
          variantId: v.id,
          sku: v.sku,
          colourId: v.colourId,
          sizeEu: v.sizeEuTenths / 10,
          width: v.width,
          active: v.active,
          onHand: s.onHand,
          reserved: s.reserved,
          available,
          lowStockThreshold: v.lowStockThreshold,
          lowStock: available <= v.lowStockThreshold,
        };
      });
      return {
        productId: p.id,
        productName: p.name,
        styleCode: p.styleCode,
        status: p.status,
        sizes: [...new Set(cells.map((c) => c.sizeEu))].sort((a, b) => a - b),
        colours: colours.map((c) => ({ id: c.id, name: c.name, code: c.code, swatchHex: c.swatchHex })),
        cells,
      };
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
