/** Catalog CSV orchestration: streaming the export and loading, checking and applying an import. */
import { buildSku, type FieldError, newId } from '@shoebox/shared';
import { type CatalogImportResult, catalogCsvColumns } from '@shoebox/shared/contracts';
import { and, eq, isNotNull } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import { type ExportRefs, exportRow } from './catalog-csv-export.ts';
import { parseCatalogCsv } from './catalog-csv-parse.ts';
import { type ImportPlan, type ImportState, planImport } from './catalog-csv-plan.ts';
import { validateRows } from './catalog-csv-rows.ts';
import { createCatalogChecks, requirePrices } from './catalog-checks.ts';
import { createCatalogWriter } from './catalog-writes.ts';
import { csvInvalid, versionConflict } from './catalog.errors.ts';
import { createCatalogRepo, type ProductRow, type VariantRow } from './catalog.repo.ts';
import { sortVariants } from './catalog.views.ts';

const rowOf = (e: FieldError) => Number(/^row (\d+)/.exec(e.path)?.[1] ?? 0);

export function createCatalogCsvService(store: Store) {
  const repo = createCatalogRepo(store);
  const t = store.t;
  const { write } = createCatalogWriter(store);
  const { uniqueSlug } = createCatalogChecks(store);

  return {
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
    await recordWhatHappened(store, tx, ctx, {
      audit: [...entries].map(([productId, e]) => ({
        action: 'product.import',
        entity: 'product',
        entityId: productId,
        before: e.before.product || e.before.variants.length ? e.before : null,
        after: e.after,
      })),
      changes: [
        { entity: 'product', ids: productIds },
        { entity: 'variant', ids: variantIds },
      ],
    });
  }
}
