import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const brands = sqliteTable(
  'brands',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** Optional brand override of the size conversion chart (EU -> US/UK). */
    sizeChart: text('size_chart', { mode: 'json' }).$type<Record<string, { us: number; uk: number }>>(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('brands_slug_uq').on(t.slug)],
);

export const categories = sqliteTable(
  'categories',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    position: integer('position').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('categories_slug_uq').on(t.slug)],
);

export const colours = sqliteTable(
  'colours',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    family: text('family').notNull(),
    swatchHex: text('swatch_hex').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('colours_code_uq').on(t.code)],
);

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    styleCode: text('style_code').notNull(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    brandId: text('brand_id').notNull(),
    categoryId: text('category_id').notNull(),
    material: text('material').notNull(),
    heelHeightMm: integer('heel_height_mm').notNull(),
    basePriceMinor: integer('base_price_minor').notNull(),
    currency: text('currency').notNull(),
    status: text('status').notNull(),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    /** Units sold recently; drives the "popularity" sort. */
    popularity: integer('popularity').notNull(),
    version: integer('version').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('products_style_code_uq').on(t.styleCode),
    uniqueIndex('products_slug_uq').on(t.slug),
    index('products_status_category_ix').on(t.status, t.categoryId),
  ],
);

export const variants = sqliteTable(
  'variants',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    colourId: text('colour_id').notNull(),
    /** EU size times ten (38.5 -> 385): exact half sizes without floats in SQL. */
    sizeEuTenths: integer('size_eu_tenths').notNull(),
    width: text('width').notNull(),
    sku: text('sku').notNull(),
    gtin: text('gtin'),
    priceMinor: integer('price_minor'),
    compareAtMinor: integer('compare_at_minor'),
    weightGrams: integer('weight_grams').notNull(),
    lowStockThreshold: integer('low_stock_threshold').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('variants_sku_uq').on(t.sku),
    uniqueIndex('variants_gtin_uq').on(t.gtin),
    uniqueIndex('variants_matrix_uq').on(t.productId, t.colourId, t.sizeEuTenths, t.width),
  ],
);

export const productImages = sqliteTable(
  'product_images',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    position: integer('position').notNull(),
    alt: text('alt').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('product_images_product_ix').on(t.productId)],
);

/** Re-encoded WebP renditions, kept in the database so every API instance serves the same bytes. */
export const productImageFiles = sqliteTable(
  'product_image_files',
  {
    imageId: text('image_id').notNull(),
    width: integer('width').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.imageId, t.width] })],
);
