import type { ErrorCode } from '@shoebox/shared';
import type { Db, Store } from '../../db/client.ts';
import { uniqueViolation } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { ChangedEntity } from '../../lib/changes.ts';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import type { AuditEntry } from '../audit/index.ts';
import { catalogErrorCodes as codes, taken } from './catalog.errors.ts';

/** Drops keys whose value is undefined (absent from a PATCH body). */
export function defined<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as never;
}

export const isEmpty = (o: object) => Object.keys(o).length === 0;

/** Which conflict a unique index violation means, for writes that raced past the explicit checks. */
const uniqueIndexCodes: Record<string, [ErrorCode, string]> = {
  brands_slug_uq: [codes.brandSlugTaken, 'A brand with this slug exists.'],
  'brands.slug': [codes.brandSlugTaken, 'A brand with this slug exists.'],
  categories_slug_uq: [codes.categorySlugTaken, 'A category with this slug exists.'],
  'categories.slug': [codes.categorySlugTaken, 'A category with this slug exists.'],
  colours_code_uq: [codes.colourCodeTaken, 'A colour with this code exists.'],
  'colours.code': [codes.colourCodeTaken, 'A colour with this code exists.'],
  products_style_code_uq: [codes.styleCodeTaken, 'A product with this style code exists.'],
  'products.style_code': [codes.styleCodeTaken, 'A product with this style code exists.'],
  products_slug_uq: [codes.productSlugTaken, 'A product with this slug exists.'],
  'products.slug': [codes.productSlugTaken, 'A product with this slug exists.'],
  variants_sku_uq: [codes.skuTaken, 'A variant with this SKU exists.'],
  'variants.sku': [codes.skuTaken, 'A variant with this SKU exists.'],
  variants_gtin_uq: [codes.gtinTaken, 'A variant with this GTIN exists.'],
  'variants.gtin': [codes.gtinTaken, 'A variant with this GTIN exists.'],
  variants_matrix_uq: [codes.variantExists, 'The product already has this colour, size and width.'],
  'variants.product_id': [codes.variantExists, 'The product already has this colour, size and width.'],
};

export function createCatalogWriter(store: Store) {
  /** One transaction; a unique-index race that slipped past the checks still answers with its conflict code. */
  async function write<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    try {
      return await store.tx(fn);
    } catch (e) {
      const index = uniqueViolation(e);
      const known = index ? uniqueIndexCodes[index] : undefined;
      if (known) throw taken(known[0], known[1]);
      throw e;
    }
  }

  /** The audit entry and the change-log entry for one catalog row, in the caller's transaction. */
  async function logWrite(tx: Db, ctx: RequestContext, entry: AuditEntry & { entity: ChangedEntity }) {
    await recordWhatHappened(store, tx, ctx, {
      audit: entry,
      changes: [{ entity: entry.entity, ids: [entry.entityId] }],
    });
  }

  return { write, logWrite };
}
