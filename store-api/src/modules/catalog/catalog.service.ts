import {
  buildSku,
  codeFromName,
  DomainError,
  type FieldError,
  makeEan13,
  newId,
  normalizeSku,
  slugify,
  type Width,
  widths,
} from '@shoebox/shared';
import {
  type AdminProductDetail,
  type CatalogImportResult,
  catalogCsvColumns,
  type ProductStatus,
} from '@shoebox/shared/contracts';
import { and, eq, isNotNull } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import { actorHas } from '../../http/authorize.ts';
import type { RequestContext } from '../../http/context.ts';
import { recordChanges } from '../../lib/changes.ts';
import { createCatalogWriter, defined, isEmpty } from './catalog-writes.ts';
import { imageView, productView, sortVariants, variantView } from './catalog.views.ts';
import { createTaxonomyService } from './taxonomy.service.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import {
  changedFields,
  type ExportRefs,
  exportRow,
  type ImportPlan,
  type ImportState,
  parseCatalogCsv,
  planImport,
  validateRows,
} from './catalog-csv.ts';
import {
  catalogErrorCodes as codes,
  compareAtNotHigher,
  csvInvalid,
  derivedEmpty,
  missing,
  missingReference,
  pricesDenied,
  productHasNoVariants,
  type Referenced,
  taken,
  versionConflict,
} from './catalog.errors.ts';
import { type ColourRow, createCatalogRepo, type ProductRow, type VariantRow } from './catalog.repo.ts';

const rowOf = (e: FieldError) => Number(/^row (\d+)/.exec(e.path)?.[1] ?? 0);

export function createCatalogService(store: Store) {
  const repo = createCatalogRepo(store);
  const t = store.t;

  const requirePrices = (ctx: RequestContext) => {
    if (!actorHas(ctx.actor, 'prices:write')) throw pricesDenied();
  };

  const { write, logWrite } = createCatalogWriter(store);

  async function requireRef(tx: Db, what: Referenced, field: string, id: string): Promise<void> {
    const found =
      what === 'brand'
        ? await repo.brandById(tx, id)
        : what === 'category'
          ? await repo.categoryById(tx, id)
          : await repo.colourById(tx, id);
    if (!found) throw missingReference(what, field, [id]);
  }

  /** `base`, or `base-2`, `base-3`... whichever is free first (and not in `reserved`). */
  async function uniqueSlug(tx: Db, base: string, reserved: Set<string> = new Set()): Promise<string> {
    const used = new Set([...(await repo.slugsLike(tx, base)), ...reserved]);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    reserved.add(slug);
    return slug;
  }

  function checkCompareAt(
    v: { sku: string; priceMinor: number | null; compareAtMinor: number | null },
    base: number,
  ) {
    const effective = v.priceMinor ?? base;
    if (v.compareAtMinor !== null && v.compareAtMinor <= effective) {
      throw compareAtNotHigher({
        sku: v.sku,
        compareAtMinor: v.compareAtMinor,
        effectivePriceMinor: effective,
      });
    }
  }

  async function colourCodes(db: Db, variants: readonly VariantRow[]): Promise<Map<string, string>> {
    const colours = await repo.coloursByIds(
      db,
      variants.map((v) => v.colourId),
    );
    return new Map(colours.map((c) => [c.id, c.code]));
  }

  return {
    ...createTaxonomyService(store),

    // Products -------------------------------------------------------------------------------
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
    async updateProduct(
      ctx: RequestContext,
      id: string,
      input: {
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
      },
    ) {
      const { baseVersion, ...fields } = input;
      return write(async (tx) => {
        const before = await repo.productById(tx, id);
        if (!before) throw missing('product', id);
        if (baseVersion !== undefined && baseVersion !== before.version)
          throw versionConflict(before.version);
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
      });
    },

    // Variants -------------------------------------------------------------------------------
    async getVariant(id: string) {
      const v = await repo.variantById(store.db, id);
      if (!v) throw missing('variant', id);
      const product = await repo.productById(store.db, v.productId);
      return variantView(v, product!.basePriceMinor);
    },

    /** Scanner lookup: the SKU in any case, or the GTIN in either its UPC-A or EAN-13 form (already normalised). */
    async lookupVariant(query: { sku?: string | undefined; gtin?: string | undefined }) {
      const v =
        query.sku !== undefined
          ? await repo.variantBySku(store.db, normalizeSku(query.sku))
          : await repo.variantByGtin(store.db, query.gtin!);
      if (!v) {
        throw new DomainError('not_found', 'VARIANT_NOT_FOUND', 'No variant has this SKU or barcode.', {
          details: query,
        });
      }
      const product = await repo.productById(store.db, v.productId);
      return variantView(v, product!.basePriceMinor);
    },

    async createVariant(
      ctx: RequestContext,
      productId: string,
      input: {
        colourId: string;
        sizeEu: number;
        width: Width;
        sku?: string | undefined;
        gtin?: string | null | undefined;
        priceMinor?: number | null | undefined;
        compareAtMinor?: number | null | undefined;
        weightGrams: number;
        lowStockThreshold: number;
        active: boolean;
      },
    ) {
      const priceMinor = input.priceMinor ?? null;
      const compareAtMinor = input.compareAtMinor ?? null;
      if (priceMinor !== null || compareAtMinor !== null) requirePrices(ctx);
      return write(async (tx) => {
        const product = await repo.productById(tx, productId);
        if (!product) throw missing('product', productId);
        const colour = await repo.colourById(tx, input.colourId);
        if (!colour) throw missingReference('colour', 'colourId', [input.colourId]);
        const sizeEuTenths = Math.round(input.sizeEu * 10);
        const sku = input.sku ?? buildSku(product.styleCode, colour.code, input.sizeEu, input.width);
        const gtin = input.gtin ?? null;
        const same = await repo.variantByMatrix(tx, {
          productId,
          colourId: colour.id,
          sizeEuTenths,
          width: input.width,
        });
        if (same)
          throw taken(codes.variantExists, 'The product already has this colour, size and width.', {
            sku: same.sku,
          });
        if (await repo.variantBySku(tx, sku)) throw taken(codes.skuTaken, `SKU ${sku} is taken.`, { sku });
        if (gtin !== null && (await repo.variantByGtin(tx, gtin)))
          throw taken(codes.gtinTaken, `GTIN ${gtin} is already on another variant.`, { gtin });
        checkCompareAt({ sku, priceMinor, compareAtMinor }, product.basePriceMinor);
        const row: VariantRow = {
          id: newId(),
          productId,
          colourId: colour.id,
          sizeEuTenths,
          width: input.width,
          sku,
          gtin,
          priceMinor,
          compareAtMinor,
          weightGrams: input.weightGrams,
          lowStockThreshold: input.lowStockThreshold,
          active: input.active,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        await tx.insert(t.variants).values(row);
        const view = variantView(row, product.basePriceMinor);
        await logWrite(tx, ctx, {
          action: 'variant.create',
          entity: 'variant',
          entityId: row.id,
          after: view,
        });
        return view;
      });
    },

    async updateVariant(
      ctx: RequestContext,
      id: string,
      input: {
        sku?: string | undefined;
        gtin?: string | null | undefined;
        priceMinor?: number | null | undefined;
        compareAtMinor?: number | null | undefined;
        weightGrams?: number | undefined;
        lowStockThreshold?: number | undefined;
        active?: boolean | undefined;
      },
    ) {
      return write(async (tx) => {
        const before = await repo.variantById(tx, id);
        if (!before) throw missing('variant', id);
        const product = (await repo.productById(tx, before.productId))!;
        const set = changedFields(before, defined(input));
        if (isEmpty(set)) return variantView(before, product.basePriceMinor);
        const pricing = 'priceMinor' in set || 'compareAtMinor' in set;
        if (pricing) requirePrices(ctx);
        if (set.sku && (await repo.variantBySku(tx, set.sku)))
          throw taken(codes.skuTaken, `SKU ${set.sku} is taken.`, { sku: set.sku });
        if (set.gtin && (await repo.variantByGtin(tx, set.gtin)))
          throw taken(codes.gtinTaken, `GTIN ${set.gtin} is already on another variant.`, { gtin: set.gtin });
        const after = { ...before, ...set, updatedAt: ctx.now };
        if (pricing) checkCompareAt(after, product.basePriceMinor);
        await tx
          .update(t.variants)
          .set({ ...set, updatedAt: ctx.now })
          .where(eq(t.variants.id, id));
        await logWrite(tx, ctx, {
          action: 'variant.update',
          entity: 'variant',
          entityId: id,
          before: variantView(before, product.basePriceMinor),
          after: variantView(after, product.basePriceMinor),
        });
        return variantView(after, product.basePriceMinor);
      });
    },

    /**
     * Creates the colour x size x width combinations the product lacks, in one transaction and
     * batch inserts. Existing combinations are counted in `skipped`, so a repeated call is a no-op.
     */
    async generateVariants(
      ctx: RequestContext,
      productId: string,
      input: {
        colourIds: string[];
        sizes: number[];
        widths: Width[];
        weightGrams: number;
        lowStockThreshold: number;
        gtinPrefix?: string | undefined;
      },
    ) {
      return write(async (tx) => {
        const product = await repo.productById(tx, productId);
        if (!product) throw missing('product', productId);
        const colourIds = [...new Set(input.colourIds)];
        const colours = new Map((await repo.coloursByIds(tx, colourIds)).map((c) => [c.id, c]));
        const unknown = colourIds.filter((id) => !colours.has(id));
        if (unknown.length) throw missingReference('colour', 'colourIds', unknown);
        const sizes = [...new Set(input.sizes)].sort((a, b) => a - b);
        const wanted = widths.filter((w) => input.widths.includes(w));

        const existing = new Set(
          (await repo.variantsOfProducts(tx, [productId])).map(
            (v) => `${v.colourId}|${v.sizeEuTenths}|${v.width}`,
          ),
        );
        const candidates: Array<{ colour: ColourRow; sizeEu: number; width: Width; sku: string }> = [];
        let skipped = 0;
        for (const id of colourIds) {
          const colour = colours.get(id)!;
          for (const sizeEu of sizes) {
            for (const width of wanted) {
              if (existing.has(`${colour.id}|${Math.round(sizeEu * 10)}|${width}`)) skipped++;
              else
                candidates.push({
                  colour,
                  sizeEu,
                  width,
                  sku: buildSku(product.styleCode, colour.code, sizeEu, width),
                });
            }
          }
        }
        if (candidates.length === 0) return { created: [], skipped };

        const clashing = await repo.variantsBySkus(
          tx,
          candidates.map((c) => c.sku),
        );
        if (clashing.length) {
          const skus = clashing.map((v) => v.sku).sort();
          throw taken(codes.skuTaken, `These SKUs are already used by other variants: ${skus.join(', ')}.`, {
            skus,
          });
        }

        let nextSerial = 0;
        const prefix = input.gtinPrefix;
        if (prefix !== undefined) {
          // Serials continue after the highest EAN-13 already under the prefix, so none can collide.
          const used = (await repo.gtinsWithPrefix(tx, prefix))
            .filter((g) => g.length === 13)
            .map((g) => Number(g.slice(prefix.length, 12)));
          nextSerial = Math.max(0, ...used) + 1;
          if (String(nextSerial + candidates.length - 1).length > 12 - prefix.length) {
            throw new DomainError(
              'business_rule',
              'GTIN_SERIALS_EXHAUSTED',
              `Prefix ${prefix} has no room for ${candidates.length} more EAN-13 serials; use a shorter prefix.`,
              { details: { gtinPrefix: prefix, needed: candidates.length } },
            );
          }
        }
        const rows: VariantRow[] = candidates.map((c) => ({
          id: newId(),
          productId,
          colourId: c.colour.id,
          sizeEuTenths: Math.round(c.sizeEu * 10),
          width: c.width,
          sku: c.sku,
          gtin: prefix === undefined ? null : makeEan13(prefix, nextSerial++),
          priceMinor: null,
          compareAtMinor: null,
          weightGrams: input.weightGrams,
          lowStockThreshold: input.lowStockThreshold,
          active: true,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        }));
        await repo.insertVariants(tx, rows);
        await recordAudit(store, tx, ctx, {
          action: 'variant.generate',
          entity: 'product',
          entityId: productId,
          after: { created: rows.map((r) => ({ id: r.id, sku: r.sku, gtin: r.gtin })), skipped },
        });
        await recordChanges(
          store,
          tx,
          'variant',
          rows.map((r) => r.id),
          ctx.now,
        );
        return { created: rows.map((r) => variantView(r, product.basePriceMinor)), skipped };
      });
    },

    // CSV ------------------------------------------------------------------------------------

    /** The catalog as CSV rows (header first), read a page of products at a time. */
    async *exportRows(): AsyncGenerator<string[]> {
      const [brands, categories, colours] = await Promise.all([
        repo.listBrands(store.db),
        repo.listCategories(store.db),
        repo.listColours(store.db),
      ]);
      const refs: ExportRefs = {
        brandSlug: new Map(brands.map((b) => [b.id, b.slug])),
        categorySlug: new Map(categories.map((c) => [c.id, c.slug])),
        colourCode: new Map(colours.map((c) => [c.id, c.code])),
      };
      yield [...catalogCsvColumns];
      let after: string | null = null;
      for (;;) {
        const page = await repo.productsAfter(store.db, after, 200);
        if (page.length === 0) return;
        const variants = await repo.variantsOfProducts(
          store.db,
          page.map((p) => p.id),
        );
        const byProduct = new Map<string, VariantRow[]>();
        for (const v of sortVariants(variants, refs.colourCode)) {
          const list = byProduct.get(v.productId) ?? [];
          list.push(v);
          byProduct.set(v.productId, list);
        }
        for (const p of page) {
          const list = byProduct.get(p.id) ?? [];
          if (list.length === 0) yield exportRow(p, null, refs);
          for (const v of list) yield exportRow(p, v, refs);
        }
        after = page.at(-1)!.styleCode;
      }
    },

    /**
     * Upserts products by style code and variants by SKU. Every row is checked first; if any is
     * wrong nothing is written and every problem is reported by row and column.
     */
    async importCsv(ctx: RequestContext, raw: Buffer | undefined): Promise<CatalogImportResult> {
      requirePrices(ctx);
      const { rows, errors: rowErrors, failedStyles } = validateRows(parseCatalogCsv(raw));
      return write(async (tx) => {
        const state = await loadImportState(tx, rows, ctx.now);
        const planned = planImport(rows, state, failedStyles);
        const errors = [...rowErrors, ...planned.errors].sort((a, b) => rowOf(a) - rowOf(b));
        if (errors.length || !('plan' in planned)) throw csvInvalid(errors);
        await applyImport(tx, ctx, planned.plan);
        return {
          productsCreated: planned.plan.newProducts.length,
          productsUpdated: planned.plan.productUpdates.length,
          variantsCreated: planned.plan.newVariants.length,
          variantsUpdated: planned.plan.variantUpdates.length,
        };
      });
    },
  };

  async function loadImportState(
    tx: Db,
    rows: ReturnType<typeof validateRows>['rows'],
    now: number,
  ): Promise<ImportState> {
    const [brands, categories, colours] = await Promise.all([
      repo.listBrands(tx),
      repo.listCategories(tx),
      repo.listColours(tx),
    ]);
    const colourByCode = new Map(colours.map((c) => [c.code, { id: c.id, code: c.code }]));
    const products = await repo.productsByStyleCodes(
      tx,
      rows.map((r) => r.product.styleCode),
    );
    const skus: string[] = [];
    const gtins: string[] = [];
    for (const r of rows) {
      const v = r.variant;
      if (!v) continue;
      if (v.gtin) gtins.push(v.gtin);
      if (v.sku) skus.push(v.sku);
      else {
        const colour = colourByCode.get(v.colourCode);
        try {
          if (colour) skus.push(buildSku(r.product.styleCode, colour.code, v.sizeEu, v.width));
        } catch {
          // planImport reports it.
        }
      }
    }
    const variants = new Map<string, VariantRow>();
    for (const list of [
      await repo.variantsOfProducts(
        tx,
        products.map((p) => p.id),
      ),
      await repo.variantsBySkus(tx, skus),
      await repo.variantsByGtins(tx, gtins),
    ]) {
      for (const v of list) variants.set(v.id, v);
    }
    return {
      brandIdBySlug: new Map(brands.map((b) => [b.slug, b.id])),
      categoryIdBySlug: new Map(categories.map((c) => [c.slug, c.id])),
      colourByCode,
      productsByStyleCode: new Map(products.map((p) => [p.styleCode, p])),
      variants: [...variants.values()],
      now,
      newId,
    };
  }

  async function applyImport(tx: Db, ctx: RequestContext, plan: ImportPlan): Promise<void> {
    // One query for all base slugs; only the taken ones need a -2, -3... search.
    const takenBases = new Set(
      await repo.slugsIn(
        tx,
        plan.newProducts.map((p) => p.slug),
      ),
    );
    const reserved = new Set<string>();
    for (const p of plan.newProducts) {
      if (takenBases.has(p.slug) || reserved.has(p.slug)) p.slug = await uniqueSlug(tx, p.slug, reserved);
      else reserved.add(p.slug);
    }
    await repo.insertProducts(tx, plan.newProducts);

    for (const u of plan.productUpdates) {
      const result = await tx
        .update(t.products)
        .set(u.set)
        .where(and(eq(t.products.id, u.before.id), eq(t.products.version, u.before.version)));
      if (affectedRows(result) === 0) throw versionConflict(u.before.version + 1);
    }

    // A barcode may move between SKUs in one file: clear the old holders first so the unique index never sees two.
    const assigned = new Set(
      [...plan.variantUpdates.map((u) => u.set.gtin), ...plan.newVariants.map((v) => v.gtin)].filter(
        (g): g is string => typeof g === 'string',
      ),
    );
    for (const u of plan.variantUpdates) {
      if ('gtin' in u.set && u.before.gtin !== null && assigned.has(u.before.gtin)) {
        await tx
          .update(t.variants)
          .set({ gtin: null })
          .where(and(eq(t.variants.id, u.before.id), isNotNull(t.variants.gtin)));
      }
    }
    for (const u of plan.variantUpdates) {
      await tx.update(t.variants).set(u.set).where(eq(t.variants.id, u.before.id));
    }
    await repo.insertVariants(tx, plan.newVariants);

    const productIds = [...plan.newProducts.map((p) => p.id), ...plan.productUpdates.map((u) => u.before.id)];
    const variantIds = [...plan.newVariants.map((v) => v.id), ...plan.variantUpdates.map((u) => u.before.id)];
    await recordChanges(store, tx, 'product', productIds, ctx.now);
    await recordChanges(store, tx, 'variant', variantIds, ctx.now);

    // One audit entry per product touched, holding its variant changes too.
    const entries = new Map<
      string,
      {
        before: { product: ProductRow | null; variants: VariantRow[] };
        after: { product: ProductRow | null; variants: VariantRow[] };
      }
    >();
    const entry = (productId: string) => {
      let e = entries.get(productId);
      if (!e) {
        e = { before: { product: null, variants: [] }, after: { product: null, variants: [] } };
        entries.set(productId, e);
      }
      return e;
    };
    for (const p of plan.newProducts) entry(p.id).after.product = p;
    for (const u of plan.productUpdates) {
      entry(u.before.id).before.product = u.before;
      entry(u.before.id).after.product = u.after;
    }
    for (const v of plan.newVariants) entry(v.productId).after.variants.push(v);
    for (const u of plan.variantUpdates) {
      entry(u.before.productId).before.variants.push(u.before);
      entry(u.before.productId).after.variants.push(u.after);
    }
    for (const [productId, e] of entries) {
      await recordAudit(store, tx, ctx, {
        action: 'product.import',
        entity: 'product',
        entityId: productId,
        before: e.before.product || e.before.variants.length ? e.before : null,
        after: e.after,
      });
    }
  }
}
export type CatalogService = ReturnType<typeof createCatalogService>;
