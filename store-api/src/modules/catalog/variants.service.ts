/** Variants: get, scanner lookup, create, update and generating the colour x size x width matrix. */
import { buildSku, makeEan13, newId, normalizeSku, type Width, widths } from '@shoebox/shared';
import { eq } from 'drizzle-orm';
import type { Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import { changedFields } from './catalog-csv-plan.ts';
import { checkCompareAt, requirePrices } from './catalog-checks.ts';
import { createCatalogWriter, defined, isEmpty } from './catalog-writes.ts';
import {
  catalogErrorCodes as codes,
  gtinSerialsExhausted,
  missing,
  missingReference,
  taken,
  variantNotScanned,
} from './catalog.errors.ts';
import { type ColourRow, createCatalogRepo, type VariantRow } from './catalog.repo.ts';
import { variantView } from './catalog.views.ts';

export function createVariantService(store: Store) {
  const repo = createCatalogRepo(store);
  const t = store.t;
  const { write, logWrite } = createCatalogWriter(store);

  return {
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
        throw variantNotScanned(query);
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
            throw gtinSerialsExhausted(prefix, candidates.length);
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
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'variant.generate',
            entity: 'product',
            entityId: productId,
            after: { created: rows.map((r) => ({ id: r.id, sku: r.sku, gtin: r.gtin })), skipped },
          },
          changes: [{ entity: 'variant', ids: rows.map((r) => r.id) }],
        });
        return { created: rows.map((r) => variantView(r, product.basePriceMinor)), skipped };
      });
    },
  };
}
