/** Catalogue shapes read from the local cache (the mirror with pending changes laid over it). */
import { productStatuses } from '@shoebox/shared/contracts';
import { productEditable } from '@shoebox/sync/protocol';
import { z } from 'zod';

const id = z.string().min(1).max(80);

/** `q` matches the name, style code, a SKU or a GTIN (contains, case-insensitive). Sorted by name. */
export const catalogProductsArgs = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  status: z.enum(productStatuses).optional(),
  brandId: id.optional(),
  categoryId: id.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});

export const catalogProductSummary = z.object({
  id,
  name: z.string(),
  styleCode: z.string(),
  brandId: id,
  brandName: z.string().nullable(),
  categoryId: id,
  categoryName: z.string().nullable(),
  status: z.enum(productStatuses),
  variantCount: z.number().int(),
  /** On hand over every location and variant. */
  stockTotal: z.number().int(),
  /** On hand minus reserved, over every location and variant. */
  availableTotal: z.number().int(),
  /** A change made on this device is not on the server yet. */
  pending: z.boolean(),
});
export type CatalogProductSummary = z.infer<typeof catalogProductSummary>;

export const catalogProductPage = z.object({
  items: z.array(catalogProductSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const catalogProductArgs = z.strictObject({ productId: id });

export const catalogVariant = z.object({
  id,
  sku: z.string(),
  gtin: z.string().nullable(),
  colourId: id,
  colourName: z.string(),
  colourCode: z.string(),
  sizeEu: z.number(),
  width: z.string(),
  active: z.boolean(),
  lowStockThreshold: z.number().int(),
  weightGrams: z.number().int(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  /** null for roles without prices (warehouse), and for a variant that takes the product's price. */
  priceMinor: z.number().int().nullable(),
  compareAtMinor: z.number().int().nullable(),
});
export type CatalogVariant = z.infer<typeof catalogVariant>;

/** The editable fields as the device has them: `products.update` sends changed ones with these as `base`. */
export const catalogProductDetail = z.object({
  id,
  styleCode: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  material: z.string(),
  heelHeightMm: z.number().int(),
  status: z.enum(productStatuses),
  tags: z.array(z.string()),
  currency: z.string(),
  /** null when the role may not see prices. */
  basePriceMinor: z.number().int().nullable(),
  pricesVisible: z.boolean(),
  brand: z.object({ id, name: z.string() }).nullable(),
  category: z.object({ id, name: z.string() }).nullable(),
  /** Send as `baseVersion` with `products.update`. */
  version: z.number().int(),
  updatedAt: z.string(),
  pending: z.boolean(),
  /** Sorted by colour code, size, width. */
  variants: z.array(catalogVariant),
});
export type CatalogProductDetail = z.infer<typeof catalogProductDetail>;

const editable = productEditable.partial().strict();

/**
 * A manager's edit, merged field by field on the server against `baseVersion`: `fields` holds the
 * changed fields, `base` their values as the editor loaded them. `replaces` names a rejected edit
 * (PRODUCT_EDIT_CONFLICT) this one resolves; it leaves "Needs attention" in the same step.
 */
export const productUpdateArgs = z
  .strictObject({
    productId: id,
    baseVersion: z.number().int().min(0),
    fields: editable,
    base: editable,
    replaces: z.string().min(1).max(80).optional(),
  })
  .refine((a) => Object.keys(a.fields).length > 0, {
    message: 'Change at least one field',
    path: ['fields'],
  });
