import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Store } from '../../db/client.ts';
import { inChunks } from '../../lib/batch.ts';
import { holesBelow, latestSeq, readChanges } from '../../lib/change-feed.ts';
import {
  type CatalogLoader,
  type CatalogSource,
  type CategoryRow,
  type ColourRow,
  emptySource,
  type ImageRow,
  type ProductBundle,
  pushTo,
} from './read-model.ts';

export function createCatalogLoader(store: Store): CatalogLoader {
  const { brands, categories, colours, products, variants, productImages, stockLevels } = store.t;
  const db = store.db;

  const brandColumns = { id: brands.id, name: brands.name, slug: brands.slug, sizeChart: brands.sizeChart };
  const categoryColumns = {
    id: categories.id,
    name: categories.name,
    slug: categories.slug,
    position: categories.position,
  };
  const colourColumns = {
    id: colours.id,
    name: colours.name,
    code: colours.code,
    family: colours.family,
    swatchHex: colours.swatchHex,
  };
  const productColumns = {
    id: products.id,
    slug: products.slug,
    name: products.name,
    description: products.description,
    brandId: products.brandId,
    categoryId: products.categoryId,
    material: products.material,
    heelHeightMm: products.heelHeightMm,
    basePriceMinor: products.basePriceMinor,
    currency: products.currency,
    tags: products.tags,
    popularity: products.popularity,
    createdAt: products.createdAt,
  };
  const variantColumns = {
    id: variants.id,
    productId: variants.productId,
    colourId: variants.colourId,
    sizeEuTenths: variants.sizeEuTenths,
    width: variants.width,
    sku: variants.sku,
    gtin: variants.gtin,
    priceMinor: variants.priceMinor,
    compareAtMinor: variants.compareAtMinor,
  };
  const imageColumns = {
    id: productImages.id,
    productId: productImages.productId,
    position: productImages.position,
    alt: productImages.alt,
    width: productImages.width,
    height: productImages.height,
  };
  const availableSum = sql<number>`sum(${stockLevels.onHand} - ${stockLevels.reserved})`.mapWith(Number);
  const activeProduct = eq(products.status, 'active');
  const activeVariant = eq(variants.active, true);

  const toMap = (rows: { variantId: string; available: number }[]) =>
    new Map(rows.map((r) => [r.variantId, Math.max(0, Number(r.available) || 0)]));

  return {
    async loadAll() {
      // The seq first: rows read afterwards are at least as new as every change up to it.
      const seq = await latestSeq(store);
      const source: CatalogSource = emptySource();
      for (const r of await db.select(brandColumns).from(brands)) source.brands.set(r.id, r);
      for (const r of await db.select(categoryColumns).from(categories)) source.categories.set(r.id, r);
      for (const r of await db.select(colourColumns).from(colours)) source.colours.set(r.id, r);
      for (const r of await db.select(productColumns).from(products).where(activeProduct))
        source.products.set(r.id, r);
      const variantRows = await db
        .select(variantColumns)
        .from(variants)
        .innerJoin(products, eq(products.id, variants.productId))
        .where(and(activeProduct, activeVariant));
      for (const r of variantRows) pushTo(source.variants, r.productId, r);
      const stock = await db
        .select({ variantId: stockLevels.variantId, available: availableSum })
        .from(stockLevels)
        .innerJoin(variants, eq(variants.id, stockLevels.variantId))
        .innerJoin(products, eq(products.id, variants.productId))
        .where(and(activeProduct, activeVariant))
        .groupBy(stockLevels.variantId);
      source.available = toMap(stock);
      const images = await db
        .select(imageColumns)
        .from(productImages)
        .innerJoin(products, eq(products.id, productImages.productId))
        .where(activeProduct)
        .orderBy(productImages.productId, productImages.position, productImages.id);
      for (const r of images) {
        pushTo(source.images, r.productId, r);
      }
      // Holes just below the top may be transactions still in flight (MySQL): watch them a while.
      const missing = await holesBelow(store, seq);
      return { source, seq, missing };
    },

    changes: (after, gaps, limit) => readChanges(store, after, gaps, limit),

    async productIdsOfVariants(variantIds) {
      const rows = await inChunks(variantIds, (chunk) =>
        db.select({ productId: variants.productId }).from(variants).where(inArray(variants.id, chunk)),
      );
      return [...new Set(rows.map((r) => r.productId))];
    },

    async products(ids): Promise<ProductBundle> {
      const productRows = await inChunks(ids, (chunk) =>
        db
          .select(productColumns)
          .from(products)
          .where(and(inArray(products.id, chunk), activeProduct)),
      );
      const activeIds = productRows.map((p) => p.id);
      const variantRows = await inChunks(activeIds, (chunk) =>
        db
          .select(variantColumns)
          .from(variants)
          .where(and(inArray(variants.productId, chunk), activeVariant)),
      );
      const stock = await inChunks(activeIds, (chunk) =>
        db
          .select({ variantId: stockLevels.variantId, available: availableSum })
          .from(stockLevels)
          .innerJoin(variants, eq(variants.id, stockLevels.variantId))
          .where(and(inArray(variants.productId, chunk), activeVariant))
          .groupBy(stockLevels.variantId),
      );
      const images = await inChunks(activeIds, (chunk) =>
        db.select(imageColumns).from(productImages).where(inArray(productImages.productId, chunk)),
      );
      return {
        products: productRows,
        variants: variantRows,
        images: images as ImageRow[],
        available: toMap(stock),
      };
    },

    async availability(variantIds) {
      const rows = await inChunks(variantIds, (chunk) =>
        db
          .select({ variantId: stockLevels.variantId, available: availableSum })
          .from(stockLevels)
          .where(inArray(stockLevels.variantId, chunk))
          .groupBy(stockLevels.variantId),
      );
      const map = toMap(rows);
      // A variant without stock rows has nothing available.
      for (const id of variantIds) if (!map.has(id)) map.set(id, 0);
      return map;
    },

    async brands(ids) {
      const rows = await inChunks(ids, (chunk) =>
        db.select(brandColumns).from(brands).where(inArray(brands.id, chunk)),
      );
      return rows;
    },
    categories: (ids) =>
      inChunks(
        ids,
        (chunk): Promise<CategoryRow[]> =>
          db.select(categoryColumns).from(categories).where(inArray(categories.id, chunk)),
      ),
    colours: (ids) =>
      inChunks(
        ids,
        (chunk): Promise<ColourRow[]> =>
          db.select(colourColumns).from(colours).where(inArray(colours.id, chunk)),
      ),
  };
}
