import { z } from 'zod';
import { GTIN_LENGTH_MESSAGE, gtinSchema } from '../gtin.ts';
import { currencies, storedMinorSchema } from '../money.ts';
import { euSizeKey, heelMmSchema, isValidEuSize, MAX_EU_SIZE, MIN_EU_SIZE, widths } from '../sizes.ts';
import { skuSchema } from '../sku.ts';
import { pageOf, pageQuery } from './common.ts';
import { colourFamilies } from './constants.ts';
import { productImage } from './images.ts';

/**
 * Admin catalog contracts: brands, categories, colours, products (styles) and variants.
 * Writes need `catalog:write`; any change to a price field (`basePriceMinor`, `priceMinor`,
 * `compareAtMinor`) needs `prices:write` as well.
 */

export { type ColourFamily, colourFamilies } from './constants.ts';

export const productStatuses = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof productStatuses)[number];

/** Variants made without a threshold get this one: two pairs left is "low" in a shoe shop. */
export const DEFAULT_LOW_STOCK_THRESHOLD = 2;
/** Weight of a boxed pair when the matrix generator is not told one; edit per variant later. */
export const DEFAULT_VARIANT_WEIGHT_GRAMS = 700;
export const MAX_TAGS = 20;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const codePattern = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** URL slug: lower-case a-z/0-9 words joined by single dashes. */
export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(140)
  .regex(slugPattern, 'Use lower-case letters, digits and single dashes');

/** Style and colour codes: the upper-case building blocks of SKUs. */
const codeField = (max: number) =>
  z.string().trim().toUpperCase().min(1).max(max).regex(codePattern, 'Use letters, digits and single dashes');
export const colourCodeField = codeField(16);
export const styleCodeField = codeField(24);

/**
 * A GTIN (EAN-13, UPC-A, GTIN-8/14) validated by `gtinSchema` and returned normalised. Failures
 * carry a precise field code: GTIN_LENGTH (wrong number of digits) or GTIN_CHECK_DIGIT.
 */
export const gtinField = z.string().transform((value, ctx) => {
  const parsed = gtinSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const code = issue.message === GTIN_LENGTH_MESSAGE ? 'GTIN_LENGTH' : 'GTIN_CHECK_DIGIT';
    ctx.addIssue({ code: 'custom', message: issue.message, params: { code } });
  }
  return z.NEVER;
});

/** An EU size (35 to 43, half sizes allowed) as a JSON number, e.g. 38.5. */
export const euSizeField = z.number().refine(isValidEuSize, {
  message: `EU size must be ${MIN_EU_SIZE} to ${MAX_EU_SIZE} in half sizes`,
  params: { code: 'INVALID_EU_SIZE' },
});

const sizeChartField = z.record(
  z.string().refine((key) => isValidEuSize(Number(key)) && euSizeKey(Number(key)) === key, {
    message: 'Chart keys are EU sizes such as "38" or "38.5"',
    params: { code: 'INVALID_EU_SIZE' },
  }),
  z.strictObject({ us: z.number().min(0).max(20), uk: z.number().min(0).max(20) }),
);

const hexField = z
  .string()
  .regex(/^#[0-9A-Fa-f]{6}$/, 'Use #RRGGBB')
  .transform((s) => s.toUpperCase());

// Whole-number fields: a fraction answers field code NOT_INTEGER (http/problem.ts), and the
// OpenAPI document shows them as integers with their bounds.
/**
 * A catalog price in minor units, whole numbers only, at most what the price columns hold (a
 * signed 32-bit INT on MySQL: 21 million in major units; a larger one was a 500 there).
 */
export const minorField = storedMinorSchema;
const heelField = heelMmSchema;
const weightGrams = z.number().int('Weight must be whole grams').min(1).max(20_000);
const lowStockThreshold = z.number().int('Threshold must be a whole number').min(0).max(100_000);
const tagsField = z
  .array(z.string().trim().min(1).max(40))
  .max(MAX_TAGS)
  .transform((tags) => [...new Set(tags)]);

// Brands -----------------------------------------------------------------------------------

export const adminBrand = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  sizeChart: sizeChartField.nullable(),
});
export type AdminBrand = z.infer<typeof adminBrand>;

/** `slug` defaults to slugify(name). */
export const createBrandBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  slug: slugField.optional(),
  sizeChart: sizeChartField.nullable().optional(),
});
export const updateBrandBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  slug: slugField.optional(),
  sizeChart: sizeChartField.nullable().optional(),
});

// Categories -------------------------------------------------------------------------------

export const adminCategory = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  position: z.number().int(),
});
export type AdminCategory = z.infer<typeof adminCategory>;

/** `slug` defaults to slugify(name); `position` to after the last category. */
export const createCategoryBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  slug: slugField.optional(),
  position: z.number().int().min(0).max(100_000).optional(),
});
export const updateCategoryBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  slug: slugField.optional(),
  position: z.number().int().min(0).max(100_000).optional(),
});

// Colours ----------------------------------------------------------------------------------

export const adminColour = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string(),
  family: z.enum(colourFamilies),
  swatchHex: z.string(),
});
export type AdminColour = z.infer<typeof adminColour>;

/** `code` defaults to codeFromName(name), upper case; `swatchHex` is stored upper case. */
export const createColourBody = z.strictObject({
  name: z.string().trim().min(1).max(60),
  code: colourCodeField.optional(),
  family: z.enum(colourFamilies),
  swatchHex: hexField,
});
export const updateColourBody = z.strictObject({
  name: z.string().trim().min(1).max(60).optional(),
  code: colourCodeField.optional(),
  family: z.enum(colourFamilies).optional(),
  swatchHex: hexField.optional(),
});

// Variants ---------------------------------------------------------------------------------

export const adminVariant = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  colourId: z.uuid(),
  sizeEu: z.number(),
  width: z.enum(widths),
  sku: z.string(),
  gtin: z.string().nullable(),
  priceMinor: z.number().int().nullable(),
  compareAtMinor: z.number().int().nullable(),
  /** priceMinor, or the product's basePriceMinor when the variant has no price of its own. */
  effectivePriceMinor: z.number().int(),
  weightGrams: z.number().int(),
  lowStockThreshold: z.number().int(),
  active: z.boolean(),
});
export type AdminVariant = z.infer<typeof adminVariant>;

/** `sku` defaults to buildSku(styleCode, colour code, sizeEu, width). */
export const createVariantBody = z.strictObject({
  colourId: z.uuid(),
  sizeEu: euSizeField,
  width: z.enum(widths).default('standard'),
  sku: skuSchema.optional(),
  gtin: gtinField.nullable().optional(),
  priceMinor: minorField.nullable().optional(),
  compareAtMinor: minorField.nullable().optional(),
  weightGrams,
  lowStockThreshold: lowStockThreshold.default(DEFAULT_LOW_STOCK_THRESHOLD),
  active: z.boolean().default(true),
});

/** Colour, size and width are the variant's identity and cannot change; make a new variant. */
export const updateVariantBody = z.strictObject({
  sku: skuSchema.optional(),
  gtin: gtinField.nullable().optional(),
  priceMinor: minorField.nullable().optional(),
  compareAtMinor: minorField.nullable().optional(),
  weightGrams: weightGrams.optional(),
  lowStockThreshold: lowStockThreshold.optional(),
  active: z.boolean().optional(),
});

/**
 * Creates the missing colour x size x width combinations. With `gtinPrefix` (digits, e.g. GS1's
 * in-store range '200') each new variant gets an EAN-13 whose serial follows the highest one
 * already used under that prefix.
 */
export const generateVariantsBody = z.strictObject({
  colourIds: z.array(z.uuid()).min(1).max(50),
  sizes: z.array(euSizeField).min(1).max(20),
  widths: z.array(z.enum(widths)).min(1).max(widths.length).default(['standard']),
  weightGrams: weightGrams.default(DEFAULT_VARIANT_WEIGHT_GRAMS),
  lowStockThreshold: lowStockThreshold.default(DEFAULT_LOW_STOCK_THRESHOLD),
  gtinPrefix: z
    .string()
    .regex(/^\d{1,11}$/, 'A GTIN prefix is 1 to 11 digits')
    .optional(),
});
export const generateVariantsResult = z.object({
  created: z.array(adminVariant),
  /** Combinations that existed already. */
  skipped: z.number().int(),
});

/** Scanner lookup: exactly one of `sku` (any case) or `gtin` (UPC-A and EAN-13 forms match). */
export const variantLookupQuery = z
  .strictObject({
    sku: z.string().trim().min(1).max(64).optional(),
    gtin: gtinField.optional(),
  })
  .refine((q) => (q.sku === undefined) !== (q.gtin === undefined), {
    message: 'Give either sku or gtin',
    params: { code: 'SKU_OR_GTIN_REQUIRED' },
  });

// Products ---------------------------------------------------------------------------------

export const adminProduct = z.object({
  id: z.uuid(),
  styleCode: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  brandId: z.uuid(),
  categoryId: z.uuid(),
  material: z.string(),
  heelHeightMm: z.number().int(),
  basePriceMinor: z.number().int(),
  currency: z.enum(currencies),
  status: z.enum(productStatuses),
  tags: z.array(z.string()),
  /** Starts at 1 and grows with every change; send it back as `baseVersion` to detect conflicts. */
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminProduct = z.infer<typeof adminProduct>;

/** Variants sorted by colour code, size, width; images by position. */
export const adminProductDetail = adminProduct.extend({
  variants: z.array(adminVariant),
  images: z.array(productImage),
});
export type AdminProductDetail = z.infer<typeof adminProductDetail>;

/** `styleCode` defaults to codeFromName(name); the slug is slugify(name), made unique with -2, -3... */
export const createProductBody = z.strictObject({
  name: z.string().trim().min(1).max(160),
  styleCode: styleCodeField.optional(),
  description: z.string().max(20_000).default(''),
  brandId: z.uuid(),
  categoryId: z.uuid(),
  material: z.string().trim().min(1).max(80),
  heelHeightMm: heelField,
  basePriceMinor: minorField,
  currency: z.enum(currencies),
  status: z.enum(productStatuses).default('draft'),
  tags: tagsField.default([]),
});

/**
 * Only the fields sent change; a request that changes nothing keeps the version. With `baseVersion`
 * the update is refused (409 VERSION_CONFLICT) if the product changed since. A new name keeps the
 * slug and a new styleCode keeps existing SKUs (both are printed or linked elsewhere).
 */
export const updateProductBody = z.strictObject({
  name: z.string().trim().min(1).max(160).optional(),
  styleCode: styleCodeField.optional(),
  slug: slugField.optional(),
  description: z.string().max(20_000).optional(),
  brandId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  material: z.string().trim().min(1).max(80).optional(),
  heelHeightMm: heelField.optional(),
  basePriceMinor: minorField.optional(),
  currency: z.enum(currencies).optional(),
  status: z.enum(productStatuses).optional(),
  tags: tagsField.optional(),
  baseVersion: z.number().int().min(1).optional(),
});

/** `q` matches name or style code (contains, case-insensitive). Sorted by name. */
export const productListQuery = z.strictObject({
  status: z.enum(productStatuses).optional(),
  brandId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  ...pageQuery,
});
export const adminProductPage = pageOf(adminProduct);

// CSV --------------------------------------------------------------------------------------

/**
 * Columns of the catalog CSV (export and import), one row per variant. Money in minor units,
 * sizes as EU numbers ('38.5'), empty cells for nulls. A row whose variant columns
 * (colour_code, size_eu, width, sku, gtin, price_minor, compare_at_minor, weight_grams) are all
 * empty describes a product without variants.
 */
export const catalogCsvColumns = [
  'style_code',
  'product_name',
  'brand_slug',
  'category_slug',
  'material',
  'heel_height_mm',
  'base_price_minor',
  'currency',
  'status',
  'colour_code',
  'size_eu',
  'width',
  'sku',
  'gtin',
  'price_minor',
  'compare_at_minor',
  'weight_grams',
] as const;
export type CatalogCsvColumn = (typeof catalogCsvColumns)[number];

export const catalogImportResult = z.object({
  productsCreated: z.number().int(),
  productsUpdated: z.number().int(),
  variantsCreated: z.number().int(),
  variantsUpdated: z.number().int(),
});
export type CatalogImportResult = z.infer<typeof catalogImportResult>;
