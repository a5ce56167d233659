import { codeFromName, newId, type SizeChart, slugify } from '@shoebox/shared';
import type { ColourFamily } from '@shoebox/shared/contracts';
import { eq } from 'drizzle-orm';
import type { Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { changedFields } from './catalog-csv.ts';
import { createCatalogWriter, defined, isEmpty } from './catalog-writes.ts';
import { catalogErrorCodes as codes, derivedEmpty, missing, taken } from './catalog.errors.ts';
import { type BrandRow, type CategoryRow, type ColourRow, createCatalogRepo } from './catalog.repo.ts';
import { brandView, categoryView, colourView } from './catalog.views.ts';

/** Brands, categories and colours: the small reference lists products point at. */
export function createTaxonomyService(store: Store) {
  const repo = createCatalogRepo(store);
  const t = store.t;
  const { write, logWrite } = createCatalogWriter(store);

  return {
    // Brands ---------------------------------------------------------------------------------
    async listBrands() {
      return (await repo.listBrands(store.db)).map(brandView);
    },

    async createBrand(
      ctx: RequestContext,
      input: { name: string; slug?: string | undefined; sizeChart?: SizeChart | null | undefined },
    ) {
      const slug = input.slug ?? slugify(input.name);
      if (!slug)
        throw derivedEmpty('slug', 'SLUG_REQUIRED', 'The name has no letters or digits; give a slug');
      const row: BrandRow = {
        id: newId(),
        name: input.name,
        slug,
        sizeChart: input.sizeChart ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      return write(async (tx) => {
        if (await repo.brandBySlug(tx, slug))
          throw taken(codes.brandSlugTaken, `A brand with slug '${slug}' exists.`, { slug });
        await tx.insert(t.brands).values(row);
        await logWrite(tx, ctx, {
          action: 'brand.create',
          entity: 'brand',
          entityId: row.id,
          after: brandView(row),
        });
        return brandView(row);
      });
    },

    async updateBrand(
      ctx: RequestContext,
      id: string,
      input: {
        name?: string | undefined;
        slug?: string | undefined;
        sizeChart?: SizeChart | null | undefined;
      },
    ) {
      return write(async (tx) => {
        const before = await repo.brandById(tx, id);
        if (!before) throw missing('brand', id);
        const set = changedFields(before, defined(input));
        if (isEmpty(set)) return brandView(before);
        if (set.slug && (await repo.brandBySlug(tx, set.slug)))
          throw taken(codes.brandSlugTaken, `A brand with slug '${set.slug}' exists.`, { slug: set.slug });
        await tx
          .update(t.brands)
          .set({ ...set, updatedAt: ctx.now })
          .where(eq(t.brands.id, id));
        const after = { ...before, ...set, updatedAt: ctx.now };
        await logWrite(tx, ctx, {
          action: 'brand.update',
          entity: 'brand',
          entityId: id,
          before: brandView(before),
          after: brandView(after),
        });
        return brandView(after);
      });
    },

    // Categories -----------------------------------------------------------------------------
    async listCategories() {
      return (await repo.listCategories(store.db)).map(categoryView);
    },

    async createCategory(
      ctx: RequestContext,
      input: { name: string; slug?: string | undefined; position?: number | undefined },
    ) {
      const slug = input.slug ?? slugify(input.name);
      if (!slug)
        throw derivedEmpty('slug', 'SLUG_REQUIRED', 'The name has no letters or digits; give a slug');
      return write(async (tx) => {
        if (await repo.categoryBySlug(tx, slug))
          throw taken(codes.categorySlugTaken, `A category with slug '${slug}' exists.`, { slug });
        const last = await repo.maxCategoryPosition(tx);
        const row: CategoryRow = {
          id: newId(),
          name: input.name,
          slug,
          position: input.position ?? (last === null ? 0 : last + 1),
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        await tx.insert(t.categories).values(row);
        await logWrite(tx, ctx, {
          action: 'category.create',
          entity: 'category',
          entityId: row.id,
          after: categoryView(row),
        });
        return categoryView(row);
      });
    },

    async updateCategory(
      ctx: RequestContext,
      id: string,
      input: { name?: string | undefined; slug?: string | undefined; position?: number | undefined },
    ) {
      return write(async (tx) => {
        const before = await repo.categoryById(tx, id);
        if (!before) throw missing('category', id);
        const set = changedFields(before, defined(input));
        if (isEmpty(set)) return categoryView(before);
        if (set.slug && (await repo.categoryBySlug(tx, set.slug)))
          throw taken(codes.categorySlugTaken, `A category with slug '${set.slug}' exists.`, {
            slug: set.slug,
          });
        await tx
          .update(t.categories)
          .set({ ...set, updatedAt: ctx.now })
          .where(eq(t.categories.id, id));
        const after = { ...before, ...set, updatedAt: ctx.now };
        await logWrite(tx, ctx, {
          action: 'category.update',
          entity: 'category',
          entityId: id,
          before: categoryView(before),
          after: categoryView(after),
        });
        return categoryView(after);
      });
    },

    // Colours --------------------------------------------------------------------------------
    async listColours() {
      return (await repo.listColours(store.db)).map(colourView);
    },

    async createColour(
      ctx: RequestContext,
      input: { name: string; code?: string | undefined; family: ColourFamily; swatchHex: string },
    ) {
      const code = input.code ?? codeFromName(input.name);
      if (!code)
        throw derivedEmpty('code', 'CODE_REQUIRED', 'The name has no letters or digits; give a code');
      const row: ColourRow = {
        id: newId(),
        name: input.name,
        code,
        family: input.family,
        swatchHex: input.swatchHex,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      return write(async (tx) => {
        if (await repo.colourByCode(tx, code))
          throw taken(codes.colourCodeTaken, `A colour with code '${code}' exists.`, { code });
        await tx.insert(t.colours).values(row);
        await logWrite(tx, ctx, {
          action: 'colour.create',
          entity: 'colour',
          entityId: row.id,
          after: colourView(row),
        });
        return colourView(row);
      });
    },

    /** A new code applies to SKUs built from now on; existing SKUs keep theirs (they are printed on boxes). */
    async updateColour(
      ctx: RequestContext,
      id: string,
      input: {
        name?: string | undefined;
        code?: string | undefined;
        family?: ColourFamily | undefined;
        swatchHex?: string | undefined;
      },
    ) {
      return write(async (tx) => {
        const before = await repo.colourById(tx, id);
        if (!before) throw missing('colour', id);
        const set = changedFields(before, defined(input));
        if (isEmpty(set)) return colourView(before);
        if (set.code && (await repo.colourByCode(tx, set.code)))
          throw taken(codes.colourCodeTaken, `A colour with code '${set.code}' exists.`, { code: set.code });
        await tx
          .update(t.colours)
          .set({ ...set, updatedAt: ctx.now })
          .where(eq(t.colours.id, id));
        const after = { ...before, ...set, updatedAt: ctx.now };
        await logWrite(tx, ctx, {
          action: 'colour.update',
          entity: 'colour',
          entityId: id,
          before: colourView(before),
          after: colourView(after),
        });
        return colourView(after);
      });
    },
  };
}
