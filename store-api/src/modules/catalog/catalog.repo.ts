import { and, asc, count, eq, gt, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';
import { chunks, inChunks } from '../../lib/batch.ts';
import { containsPattern, likeEscaped } from '../../lib/sql-like.ts';

type Tables = Store['t'];
export type BrandRow = Tables['brands']['$inferSelect'];
export type CategoryRow = Tables['categories']['$inferSelect'];
export type ColourRow = Tables['colours']['$inferSelect'];
export type ProductRow = Tables['products']['$inferSelect'];
export type VariantRow = Tables['variants']['$inferSelect'];
export type ImageRow = Tables['productImages']['$inferSelect'];

const first = <R>(rows: R[]): R | undefined => rows[0];

export function createCatalogRepo(store: Store) {
  const t = store.t;

  return {
    // Brands, categories, colours ---------------------------------------------------------
    listBrands: async (db: Db) =>
      await db.select().from(t.brands).orderBy(asc(t.brands.name), asc(t.brands.id)),
    brandById: async (db: Db, id: string) =>
      first(await db.select().from(t.brands).where(eq(t.brands.id, id)).limit(1)),
    brandBySlug: async (db: Db, slug: string) =>
      first(await db.select().from(t.brands).where(eq(t.brands.slug, slug)).limit(1)),

    listCategories: (db: Db) =>
      db
        .select()
        .from(t.categories)
        .orderBy(asc(t.categories.position), asc(t.categories.name), asc(t.categories.id)),
    categoryById: async (db: Db, id: string) =>
      (await db.select().from(t.categories).where(eq(t.categories.id, id)).limit(1))[0],
    categoryBySlug: async (db: Db, slug: string) =>
      (await db.select().from(t.categories).where(eq(t.categories.slug, slug)).limit(1))[0],
    maxCategoryPosition: async (db: Db) => {
      const [row] = await db
        .select({ max: sql<number | null>`max(${t.categories.position})` })
        .from(t.categories);
      return row?.max == null ? null : Number(row.max);
    },

    listColours: (db: Db) => db.select().from(t.colours).orderBy(asc(t.colours.code)),
    colourById: async (db: Db, id: string) =>
      (await db.select().from(t.colours).where(eq(t.colours.id, id)).limit(1))[0],
    colourByCode: async (db: Db, code: string) =>
      (await db.select().from(t.colours).where(eq(t.colours.code, code)).limit(1))[0],
    coloursByIds: (db: Db, ids: readonly string[]) =>
      inChunks(ids, (chunk) => db.select().from(t.colours).where(inArray(t.colours.id, chunk))),

    // Products -----------------------------------------------------------------------------
    productById: async (db: Db, id: string) =>
      first(await db.select().from(t.products).where(eq(t.products.id, id)).limit(1)),
    productByStyleCode: async (db: Db, styleCode: string) =>
      first(await db.select().from(t.products).where(eq(t.products.styleCode, styleCode)).limit(1)),
    productBySlug: async (db: Db, slug: string) =>
      first(await db.select().from(t.products).where(eq(t.products.slug, slug)).limit(1)),
    productsByStyleCodes: async (db: Db, codes: readonly string[]) =>
      await inChunks(codes, (chunk) =>
        db.select().from(t.products).where(inArray(t.products.styleCode, chunk)),
      ),

    /** Which of `slugs` exist already. */
    slugsIn: async (db: Db, slugs: readonly string[]) =>
      (
        await inChunks(slugs, (chunk) =>
          db.select({ slug: t.products.slug }).from(t.products).where(inArray(t.products.slug, chunk)),
        )
      ).map((r) => r.slug),
    /** Existing slugs equal to `base` or of the form `base-<anything>`. */
    slugsLike: async (db: Db, base: string) => {
      const rows = await db
        .select({ slug: t.products.slug })
        .from(t.products)
        .where(or(eq(t.products.slug, base), likeEscaped(sql`${t.products.slug}`, `${base}-%`)));
      return rows.map((r) => r.slug);
    },

    async listProducts(
      db: Db,
      f: {
        status?: string | undefined;
        brandId?: string | undefined;
        categoryId?: string | undefined;
        q?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const p = t.products;
      const conditions: SQL[] = [];
      if (f.status) conditions.push(eq(p.status, f.status));
      if (f.brandId) conditions.push(eq(p.brandId, f.brandId));
      if (f.categoryId) conditions.push(eq(p.categoryId, f.categoryId));
      if (f.q) {
        // Both sides lower-cased: MySQL's collation folds case by itself, SQLite's LIKE only for ASCII.
        const pattern = containsPattern(f.q.toLowerCase());
        conditions.push(
          or(likeEscaped(sql`lower(${p.name})`, pattern), likeEscaped(sql`lower(${p.styleCode})`, pattern))!,
        );
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(p)
          .where(where)
          .orderBy(asc(p.name), asc(p.id))
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
        db.select({ n: count() }).from(p).where(where),
      ]);
      return { rows, total: Number(total?.n ?? 0) };
    },

    /** A page of products in style-code order after `afterStyleCode` (keyset paging for the export). */
    productsAfter: async (db: Db, afterStyleCode: string | null, limit: number) =>
      await db
        .select()
        .from(t.products)
        .where(afterStyleCode === null ? undefined : gt(t.products.styleCode, afterStyleCode))
        .orderBy(asc(t.products.styleCode))
        .limit(limit),

    // Variants -----------------------------------------------------------------------------
    variantById: async (db: Db, id: string) =>
      first(await db.select().from(t.variants).where(eq(t.variants.id, id)).limit(1)),
    variantBySku: async (db: Db, sku: string) =>
      first(await db.select().from(t.variants).where(eq(t.variants.sku, sku)).limit(1)),
    variantByGtin: async (db: Db, gtin: string) =>
      first(await db.select().from(t.variants).where(eq(t.variants.gtin, gtin)).limit(1)),
    variantByMatrix: async (
      db: Db,
      k: { productId: string; colourId: string; sizeEuTenths: number; width: string },
    ) =>
      (
        await db
          .select()
          .from(t.variants)
          .where(
            and(
              eq(t.variants.productId, k.productId),
              eq(t.variants.colourId, k.colourId),
              eq(t.variants.sizeEuTenths, k.sizeEuTenths),
              eq(t.variants.width, k.width),
            ),
          )
          .limit(1)
      )[0],
    variantsOfProducts: async (db: Db, productIds: readonly string[]) =>
      await inChunks(productIds, (chunk) =>
        db.select().from(t.variants).where(inArray(t.variants.productId, chunk)),
      ),
    variantsBySkus: async (db: Db, skus: readonly string[]) =>
      await inChunks(skus, (chunk) => db.select().from(t.variants).where(inArray(t.variants.sku, chunk))),
    variantsByGtins: async (db: Db, gtins: readonly string[]) =>
      await inChunks(gtins, (chunk) => db.select().from(t.variants).where(inArray(t.variants.gtin, chunk))),
    countActiveVariants: async (db: Db, productId: string, exceptId?: string) => {
      const conditions = [eq(t.variants.productId, productId), eq(t.variants.active, true)];
      if (exceptId) conditions.push(ne(t.variants.id, exceptId));
      const [row] = await db
        .select({ n: count() })
        .from(t.variants)
        .where(and(...conditions));
      return Number(row?.n ?? 0);
    },
    /** Every GTIN stored under a numeric prefix (digits only, so no LIKE escaping is needed). */
    gtinsWithPrefix: async (db: Db, prefix: string) => {
      const rows = await db
        .select({ gtin: t.variants.gtin })
        .from(t.variants)
        .where(sql`${t.variants.gtin} like ${`${prefix}%`}`);
      return rows.map((r) => r.gtin).filter((g): g is string => g !== null);
    },

    insertVariants: async (tx: Db, rows: VariantRow[]) => {
      for (const chunk of chunks(rows)) await tx.insert(t.variants).values(chunk);
    },
    insertProducts: async (tx: Db, rows: ProductRow[]) => {
      for (const chunk of chunks(rows, 200)) await tx.insert(t.products).values(chunk);
    },

    // Images (read only here; the images module owns writes) ------------------------------
    imagesOfProduct: (db: Db, productId: string) =>
      db
        .select()
        .from(t.productImages)
        .where(eq(t.productImages.productId, productId))
        .orderBy(asc(t.productImages.position), asc(t.productImages.id)),
  };
}
export type CatalogRepo = ReturnType<typeof createCatalogRepo>;
