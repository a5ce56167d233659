/** Products: list, get (with variants and images), create and update. */
import { codeFromName, newId, slugify } from '@shoebox/shared';
import type { AdminProductDetail, ProductStatus } from '@shoebox/shared/contracts';
import { and, eq } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { changedFields } from './catalog-csv-plan.ts';
import { checkCompareAt, createCatalogChecks, requirePrices } from './catalog-checks.ts';
import { createCatalogWriter, defined, isEmpty } from './catalog-writes.ts';
import {
  catalogErrorCodes as codes,
  derivedEmpty,
  missing,
  productHasNoVariants,
  taken,
  versionConflict,
} from './catalog.errors.ts';
import { createCatalogRepo, type ProductRow } from './catalog.repo.ts';
import { imageView, productView, sortVariants, variantView } from './catalog.views.ts';

export type ProductUpdateInput = {
  name?: string | undefined;
  styleCode?: string | undefined;
  slug?: string | undefined;
  description?: string | undefined;
  brandId?: string | undefined;
  categoryId?: string | undefined;
  material?: string | undefined;
  heelHeightMm?: number | undefined;
  basePriceMinor?: number | undefined;
  currency?: string | undefined;
  status?: ProductStatus | undefined;
  tags?: string[] | undefined;
  baseVersion?: number | undefined;
};

export function createProductService(store: Store) {
  const repo = createCatalogRepo(store);
  const t = store.t;
  const { write, logWrite } = createCatalogWriter(store);
  const { requireRef, uniqueSlug, colourCodes } = createCatalogChecks(store);

  /** Changes only the fields sent, inside `tx` (see updateProduct). */
  async function updateProductIn(tx: Db, ctx: RequestContext, id: string, input: ProductUpdateInput) {
    const { baseVersion, ...fields } = input;
    const before = await repo.productById(tx, id);
    if (!before) throw missing('product', id);
    if (baseVersion !== undefined && baseVersion !== before.version) throw versionConflict(before.version);
    const set = changedFields(before, defined(fields));
    if (isEmpty(set)) return productView(before);
    if (set.basePriceMinor !== undefined) requirePrices(ctx);
    if (set.brandId) await requireRef(tx, 'brand', 'brandId', set.brandId);
    if (set.categoryId) await requireRef(tx, 'category', 'categoryId', set.categoryId);
    if (set.styleCode && (await repo.productByStyleCode(tx, set.styleCode)))
      throw taken(codes.styleCodeTaken, `A product with style code '${set.styleCode}' exists.`, {
        styleCode: set.styleCode,
      });
    if (set.slug && (await repo.productBySlug(tx, set.slug)))
      throw taken(codes.productSlugTaken, `A product with slug '${set.slug}' exists.`, {
        slug: set.slug,
      });
    if (set.status === 'active' && (await repo.countActiveVariants(tx, id)) === 0)
      throw productHasNoVariants();
    if (set.basePriceMinor !== undefined) {
      const base = set.basePriceMinor;
      for (const v of await repo.variantsOfProducts(tx, [id])) checkCompareAt(v, base);
    }
    const changes = { ...set, version: before.version + 1, updatedAt: ctx.now };
    const result = await tx
      .update(t.products)
      .set(changes)
      .where(and(eq(t.products.id, id), eq(t.products.version, before.version)));
    if (affectedRows(result) === 0) throw versionConflict(before.version + 1);
    const after = { ...before, ...changes };
    await logWrite(tx, ctx, {
      action: 'product.update',
      entity: 'product',
      entityId: id,
      before: productView(before),
      after: productView(after),
    });
    return productView(after);
  }

  return {
    async listProducts(query: {
      status?: ProductStatus | undefined;
      brandId?: string | undefined;
      categoryId?: string | undefined;
      q?: string | undefined;
      page: number;
      pageSize: number;
    }) {
      const { rows, total } = await repo.listProducts(store.db, query);
      return { items: rows.map(productView), page: query.page, pageSize: query.pageSize, total };
    },

    async getProduct(id: string): Promise<AdminProductDetail> {
      const product = await repo.productById(store.db, id);
      if (!product) throw missing('product', id);
      const [variants, images] = await Promise.all([
        repo.variantsOfProducts(store.db, [id]),
        repo.imagesOfProduct(store.db, id),
      ]);
      const codesById = await colourCodes(store.db, variants);
      return {
        ...productView(product),
        variants: sortVariants(variants, codesById).map((v) => variantView(v, product.basePriceMinor)),
        images: images.map(imageView),
      };
    },

    /** Setting a price needs prices:write; a new product is never active (it has no variants yet). */
    async createProduct(
      ctx: RequestContext,
      input: {
        name: string;
        styleCode?: string | undefined;
        description: string;
        brandId: string;
        categoryId: string;
        material: string;
        heelHeightMm: number;
        basePriceMinor: number;
        currency: string;
        status: ProductStatus;
        tags: string[];
      },
    ) {
      requirePrices(ctx);
      const styleCode = input.styleCode ?? codeFromName(input.name);
      if (!styleCode)
        throw derivedEmpty(
          'styleCode',
          'STYLE_CODE_REQUIRED',
          'The name has no letters or digits; give a styleCode',
        );
      if (input.status === 'active') throw productHasNoVariants();
      return write(async (tx) => {
        await requireRef(tx, 'brand', 'brandId', input.brandId);
        await requireRef(tx, 'category', 'categoryId', input.categoryId);
        if (await repo.productByStyleCode(tx, styleCode))
          throw taken(codes.styleCodeTaken, `A product with style code '${styleCode}' exists.`, {
            styleCode,
          });
        const row: ProductRow = {
          id: newId(),
          styleCode,
          slug: await uniqueSlug(tx, slugify(input.name) || slugify(styleCode)),
          name: input.name,
          description: input.description,
          brandId: input.brandId,
          categoryId: input.categoryId,
          material: input.material,
          heelHeightMm: input.heelHeightMm,
          basePriceMinor: input.basePriceMinor,
          currency: input.currency,
          status: input.status,
          tags: input.tags,
          popularity: 0,
          version: 1,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        await tx.insert(t.products).values(row);
        await logWrite(tx, ctx, {
          action: 'product.create',
          entity: 'product',
          entityId: row.id,
          after: productView(row),
        });
        return productView(row);
      });
    },

    /**
     * Changes only the fields sent. A request that changes nothing writes nothing and keeps the
     * version. Renaming keeps the slug (links stay valid); send `slug` to change it.
     */
    async updateProduct(ctx: RequestContext, id: string, input: ProductUpdateInput) {
      return write((tx) => updateProductIn(tx, ctx, id, input));
    },

    /**
     * `updateProduct` inside the caller's transaction (desktop sync's product.update applies it
     * with the mutation's other writes): the same checks, the same conditional write and audit.
     */
    updateProductIn,
  };
}
