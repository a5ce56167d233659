import { z } from 'zod';
import { MAX_MINOR } from '../money.ts';
import { heelBands, isValidEuSize, MAX_EU_SIZE, MIN_EU_SIZE, widths } from '../sizes.ts';
import { colourFamilies, STORE_MAX_FILTER_VALUES, STORE_MAX_PAGE_SIZE, storeSorts } from './constants.ts';
import { pageQuery } from './common.ts';

/**
 * Public store contracts (`/store/*`): only active products and active variants, never costs,
 * internal notes, drafts or stock locations.
 *
 * Listing filters are comma-separated lists (`?size=38,38.5&colour=black,red`); a repeated
 * parameter (`?size=38&size=39`) is accepted as well. Values within one filter are OR-ed, filters
 * are AND-ed. The variant filters (size, colour, price range, inStock) must all hold for one and
 * the same active variant: "black in 38 under 100 EUR, in stock" means one such pair exists.
 */

export {
  type ColourFamily,
  colourFamilies,
  STORE_MAX_FILTER_VALUES,
  STORE_MAX_PAGE_SIZE,
  type StoreSort,
  storeSorts,
} from './constants.ts';

/** A comma-separated list (or a repeated parameter), trimmed, without empty entries. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (typeof text !== 'string') return text;
    return text
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0);
  }, z.array(item).max(STORE_MAX_FILTER_VALUES));

const slugValue = z
  .string()
  .toLowerCase()
  .max(140)
  .regex(/^[a-z0-9-]+$/, 'Use slugs: lower-case letters, digits and dashes');

const sizeValue = z.coerce.number().refine(isValidEuSize, {
  message: `EU size must be ${MIN_EU_SIZE} to ${MAX_EU_SIZE} in half sizes`,
  params: { code: 'INVALID_EU_SIZE' },
});

const minorQuery = z.coerce.number().int('Use whole minor units (cents)').min(0).max(MAX_MINOR);

export const storeProductListQuery = z
  .strictObject({
    category: listOf(slugValue).optional(),
    brand: listOf(slugValue).optional(),
    size: listOf(sizeValue).optional(),
    colour: listOf(z.enum(colourFamilies)).optional(),
    heel: listOf(z.enum(heelBands)).optional(),
    /** Minor units, inclusive. */
    minPrice: minorQuery.optional(),
    maxPrice: minorQuery.optional(),
    /** `true`: only products with an available pair matching the other variant filters. */
    inStock: z
      .enum(['true', 'false'], { message: 'Use true or false' })
      .transform((v) => v === 'true')
      .optional(),
    /** Words matched (contains, case- and accent-insensitive) against name, brand, colour and category names. */
    q: z.string().trim().max(100).optional(),
    sort: z.enum(storeSorts).default('popularity'),
    page: pageQuery.page,
    pageSize: z.coerce.number().int().min(1).max(STORE_MAX_PAGE_SIZE).default(20),
  })
  .superRefine((q, ctx) => {
    if (q.minPrice !== undefined && q.maxPrice !== undefined && q.minPrice > q.maxPrice) {
      ctx.addIssue({
        code: 'custom',
        path: ['minPrice'],
        message: `minPrice (${q.minPrice}) must not be greater than maxPrice (${q.maxPrice})`,
        params: { code: 'PRICE_RANGE_INVERTED' },
      });
    }
  });
export type StoreProductListQuery = z.output<typeof storeProductListQuery>;

export const storeProductParams = z.strictObject({ slug: z.string().min(1).max(160) });

// Responses ----------------------------------------------------------------------------------

export const storeRef = z.object({ slug: z.string(), name: z.string() });

export const storeColour = z.object({
  code: z.string(),
  name: z.string(),
  family: z.string(),
  swatchHex: z.string(),
});
export type StoreColour = z.infer<typeof storeColour>;

/** A product card. Prices are those of the active variants matching the size/colour/price/stock filters. */
export const storeProductCard = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  brand: storeRef,
  category: storeRef,
  heelBand: z.enum(heelBands),
  heelHeightMm: z.number().int(),
  /** Lowest effective price among the matching variants. */
  priceMinor: z.number().int(),
  /** Highest compare-at price among the matching variants, only when above priceMinor. */
  compareAtMinor: z.number().int().nullable(),
  currency: z.string(),
  colours: z.array(storeColour),
  /** EU sizes with at least one available pair (any colour), ascending. */
  sizesInStock: z.array(z.number()),
  inStock: z.boolean(),
  /** The main image's 640 px rendition (or the largest smaller one). */
  imageUrl: z.string().nullable(),
});
export type StoreProductCard = z.infer<typeof storeProductCard>;

export const storeFacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type StoreFacetValue = z.infer<typeof storeFacetValue>;

/**
 * Disjunctive facets: each facet's counts apply every active filter except its own; counts are
 * products (styles). Every value present in the listed catalog appears, with count 0 when the
 * other filters exclude it. `price` is the range of matching variant prices with every filter but
 * the price range (null when nothing matches).
 */
export const storeFacets = z.object({
  category: z.array(storeFacetValue),
  brand: z.array(storeFacetValue),
  size: z.array(storeFacetValue),
  colour: z.array(storeFacetValue),
  heel: z.array(storeFacetValue),
  price: z.object({ min: z.number().int().nullable(), max: z.number().int().nullable() }),
});
export type StoreFacets = z.infer<typeof storeFacets>;

export const storeProductList = z.object({
  items: z.array(storeProductCard),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  facets: storeFacets,
  /** The change sequence number this answer reflects. */
  seq: z.number().int(),
});
export type StoreProductList = z.infer<typeof storeProductList>;

export const storeVariant = z.object({
  /** The variant's id: what a size exchange names (POST /store/returns). */
  id: z.uuid(),
  sku: z.string(),
  /** EAN/UPC, when the variant has one (structured data on product pages). */
  gtin: z.string().nullable(),
  sizeEu: z.number(),
  /** Through the brand's size chart when it has one, else the common chart. */
  sizeLabels: z.object({ eu: z.string(), us: z.string(), uk: z.string() }),
  width: z.enum(widths),
  priceMinor: z.number().int(),
  /** Only when above priceMinor (a sale). */
  compareAtMinor: z.number().int().nullable(),
  /** Pairs that can be bought now (all locations, never negative). */
  available: z.number().int().min(0),
  inStock: z.boolean(),
});
export type StoreVariant = z.infer<typeof storeVariant>;

export const storeProductImage = z.object({
  id: z.uuid(),
  alt: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** Rendition width -> path, e.g. `{"320": "/media/images/<id>/320.webp", "640": ...}`. */
  urls: z.record(z.string(), z.string()),
});

export const storeProductDetail = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  material: z.string(),
  brand: storeRef,
  category: storeRef,
  heelBand: z.enum(heelBands),
  heelHeightMm: z.number().int(),
  tags: z.array(z.string()),
  currency: z.string(),
  /** Lowest price among the active variants (the base price when there are none). */
  priceMinor: z.number().int(),
  inStock: z.boolean(),
  images: z.array(storeProductImage),
  /** Colours by name; each colour's variants by size, then width. */
  colours: z.array(storeColour.extend({ variants: z.array(storeVariant) })),
});
export type StoreProductDetail = z.infer<typeof storeProductDetail>;

/** `GET /store/categories`: every category in menu order, with its number of listed products. */
export const storeCategory = z.object({
  slug: z.string(),
  name: z.string(),
  position: z.number().int(),
  productCount: z.number().int(),
});
export const storeCategoryList = z.array(storeCategory);
export type StoreCategoryList = z.infer<typeof storeCategoryList>;

/** `GET /store/brands`: every brand by name, with its number of listed products. */
export const storeBrand = z.object({ slug: z.string(), name: z.string(), productCount: z.number().int() });
export const storeBrandList = z.array(storeBrand);
export type StoreBrandList = z.infer<typeof storeBrandList>;
