import {
  bigint,
  boolean,
  customType,
  index,
  int,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { jsonColumn } from './json.ts';

export const brands = mysqlTable(
  'brands',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    name: varchar('name', { length: 120 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    /** Optional brand override of the size conversion chart (EU -> US/UK). */
    sizeChart: jsonColumn<Record<string, { us: number; uk: number }>>('size_chart'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('brands_slug_uq').on(t.slug)],
);

export const categories = mysqlTable(
  'categories',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    name: varchar('name', { length: 120 }).notNull(),
    slug: varchar('slug', { length: 140 }).notNull(),
    position: int('position').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('categories_slug_uq').on(t.slug)],
);

export const colours = mysqlTable(
  'colours',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    name: varchar('name', { length: 60 }).notNull(),
    code: varchar('code', { length: 16 }).notNull(),
    family: varchar('family', { length: 16 }).notNull(),
    swatchHex: varchar('swatch_hex', { length: 7 }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('colours_code_uq').on(t.code)],
);

export const products = mysqlTable(
  'products',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    styleCode: varchar('style_code', { length: 24 }).notNull(),
    slug: varchar('slug', { length: 160 }).notNull(),
    name: varchar('name', { length: 160 }).notNull(),
    description: text('description').notNull(),
    brandId: varchar('brand_id', { length: 36 }).notNull(),
    categoryId: varchar('category_id', { length: 36 }).notNull(),
    material: varchar('material', { length: 80 }).notNull(),
    heelHeightMm: int('heel_height_mm').notNull(),
    basePriceMinor: int('base_price_minor').notNull(),
    currency: varchar('currency', { length: 3 }).notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    tags: jsonColumn<string[]>('tags').notNull(),
    /** Units sold recently; drives the "popularity" sort. */
    popularity: int('popularity').notNull(),
    version: int('version').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('products_style_code_uq').on(t.styleCode),
    uniqueIndex('products_slug_uq').on(t.slug),
    index('products_status_category_ix').on(t.status, t.categoryId),
  ],
);

export const variants = mysqlTable(
  'variants',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    productId: varchar('product_id', { length: 36 }).notNull(),
    colourId: varchar('colour_id', { length: 36 }).notNull(),
    /** EU size times ten (38.5 -> 385): exact half sizes without floats in SQL. */
    sizeEuTenths: int('size_eu_tenths').notNull(),
    width: varchar('width', { length: 16 }).notNull(),
    sku: varchar('sku', { length: 64 }).notNull(),
    gtin: varchar('gtin', { length: 14 }),
    priceMinor: int('price_minor'),
    compareAtMinor: int('compare_at_minor'),
    weightGrams: int('weight_grams').notNull(),
    lowStockThreshold: int('low_stock_threshold').notNull(),
    active: boolean('active').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('variants_sku_uq').on(t.sku),
    uniqueIndex('variants_gtin_uq').on(t.gtin),
    uniqueIndex('variants_matrix_uq').on(t.productId, t.colourId, t.sizeEuTenths, t.width),
  ],
);

export const productImages = mysqlTable(
  'product_images',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    productId: varchar('product_id', { length: 36 }).notNull(),
    position: int('position').notNull(),
    alt: varchar('alt', { length: 200 }).notNull(),
    width: int('width').notNull(),
    height: int('height').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('product_images_product_ix').on(t.productId)],
);

const mediumBlob = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'mediumblob' });

/** Re-encoded WebP renditions, kept in the database so every API instance serves the same bytes. */
export const productImageFiles = mysqlTable(
  'product_image_files',
  {
    imageId: varchar('image_id', { length: 36 }).notNull(),
    width: int('width').notNull(),
    bytes: mediumBlob('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.imageId, t.width] })],
);
