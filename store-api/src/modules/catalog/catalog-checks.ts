/** Checks and lookups shared by the product, variant and CSV parts of the catalog service. */
import type { Db, Store } from '../../db/client.ts';
import { actorHas } from '../../http/authorize.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { compareAtNotHigher, missingReference, pricesDenied, type Referenced } from './catalog.errors.ts';
import { createCatalogRepo, type VariantRow } from './catalog.repo.ts';

export const requirePrices = (ctx: RequestContext) => {
  if (!actorHas(ctx.actor, 'prices:write')) throw pricesDenied();
};

export function checkCompareAt(
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

export function createCatalogChecks(store: Store) {
  const repo = createCatalogRepo(store);

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

  async function colourCodes(db: Db, variants: readonly VariantRow[]): Promise<Map<string, string>> {
    const colours = await repo.coloursByIds(
      db,
      variants.map((v) => v.colourId),
    );
    return new Map(colours.map((c) => [c.id, c.code]));
  }

  return { requireRef, uniqueSlug, colourCodes };
}
