import {
  adminBrand,
  adminCategory,
  adminColour,
  adminProduct,
  adminProductDetail,
  adminProductPage,
  adminVariant,
  catalogImportResult,
  createBrandBody,
  createCategoryBody,
  createColourBody,
  createProductBody,
  createVariantBody,
  generateVariantsBody,
  generateVariantsResult,
  idParam,
  productListQuery,
  updateBrandBody,
  updateCategoryBody,
  updateColourBody,
  updateProductBody,
  updateVariantBody,
  variantLookupQuery,
} from '@shoebox/shared/contracts';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { defineRoute, referenced, SENT } from '../../http/route.ts';
import type { CatalogService } from './catalog.service.ts';

const tag = 'Catalog';
const priceErrors = ['PERMISSION_DENIED'] as const;

export const catalogRoutes = (catalog: CatalogService) => [
  // Brands
  defineRoute({
    method: 'get',
    path: '/admin/brands',
    summary: 'List brands',
    tag,
    access: 'catalog:read',
    response: z.array(adminBrand),
    handler: () => catalog.listBrands(),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/brands',
    summary: 'Create a brand (slug from the name unless given)',
    tag,
    access: 'catalog:write',
    body: createBrandBody,
    response: adminBrand,
    status: 201,
    errors: ['BRAND_SLUG_TAKEN'],
    handler: (ctx, { body }) => catalog.createBrand(ctx, body),
  }),
  defineRoute({
    method: 'patch',
    path: '/admin/brands/:id',
    summary: 'Rename a brand, change its slug or size chart',
    tag,
    access: 'catalog:write',
    params: idParam,
    body: updateBrandBody,
    response: adminBrand,
    errors: ['BRAND_NOT_FOUND', 'BRAND_SLUG_TAKEN'],
    handler: (ctx, { params, body }) => catalog.updateBrand(ctx, params.id, body),
  }),

  // Categories
  defineRoute({
    method: 'get',
    path: '/admin/categories',
    summary: 'List categories in display order',
    tag,
    access: 'catalog:read',
    response: z.array(adminCategory),
    handler: () => catalog.listCategories(),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/categories',
    summary: 'Create a category (slug from the name unless given; position after the last)',
    tag,
    access: 'catalog:write',
    body: createCategoryBody,
    response: adminCategory,
    status: 201,
    errors: ['CATEGORY_SLUG_TAKEN'],
    handler: (ctx, { body }) => catalog.createCategory(ctx, body),
  }),
  defineRoute({
    method: 'patch',
    path: '/admin/categories/:id',
    summary: 'Rename, re-slug or move a category',
    tag,
    access: 'catalog:write',
    params: idParam,
    body: updateCategoryBody,
    response: adminCategory,
    errors: ['CATEGORY_NOT_FOUND', 'CATEGORY_SLUG_TAKEN'],
    handler: (ctx, { params, body }) => catalog.updateCategory(ctx, params.id, body),
  }),

  // Colours
  defineRoute({
    method: 'get',
    path: '/admin/colours',
    summary: 'List colours by code',
    tag,
    access: 'catalog:read',
    response: z.array(adminColour),
    handler: () => catalog.listColours(),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/colours',
    summary: 'Create a colour (code from the name unless given)',
    tag,
    access: 'catalog:write',
    body: createColourBody,
    response: adminColour,
    status: 201,
    errors: ['COLOUR_CODE_TAKEN'],
    handler: (ctx, { body }) => catalog.createColour(ctx, body),
  }),
  defineRoute({
    method: 'patch',
    path: '/admin/colours/:id',
    summary: 'Change a colour; existing SKUs keep the old code',
    tag,
    access: 'catalog:write',
    params: idParam,
    body: updateColourBody,
    response: adminColour,
    errors: ['COLOUR_NOT_FOUND', 'COLOUR_CODE_TAKEN'],
    handler: (ctx, { params, body }) => catalog.updateColour(ctx, params.id, body),
  }),

  // Products
  defineRoute({
    method: 'get',
    path: '/admin/products',
    summary: 'List products by name, filtered by status, brand, category or text (name or style code)',
    tag,
    access: 'catalog:read',
    query: productListQuery,
    response: adminProductPage,
    handler: (_ctx, { query }) => catalog.listProducts(query),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/products',
    summary: 'Create a product (style); needs prices:write for its base price',
    tag,
    access: 'catalog:write',
    body: createProductBody,
    response: adminProduct,
    status: 201,
    errors: [
      'STYLE_CODE_TAKEN',
      ...referenced('BRAND_NOT_FOUND', 'CATEGORY_NOT_FOUND'),
      'PRODUCT_HAS_NO_VARIANTS',
      ...priceErrors,
    ],
    handler: (ctx, { body }) => catalog.createProduct(ctx, body),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/products/:id',
    summary: 'A product with its variants (by colour, size, width) and images',
    tag,
    access: 'catalog:read',
    params: idParam,
    response: adminProductDetail,
    errors: ['PRODUCT_NOT_FOUND'],
    handler: (_ctx, { params }) => catalog.getProduct(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/admin/products/:id',
    summary: 'Change product fields or status; baseVersion guards against overwriting a newer edit',
    tag,
    access: 'catalog:write',
    params: idParam,
    body: updateProductBody,
    response: adminProduct,
    errors: [
      'PRODUCT_NOT_FOUND',
      'VERSION_CONFLICT',
      'STYLE_CODE_TAKEN',
      'PRODUCT_SLUG_TAKEN',
      ...referenced('BRAND_NOT_FOUND', 'CATEGORY_NOT_FOUND'),
      'PRODUCT_HAS_NO_VARIANTS',
      'COMPARE_AT_NOT_HIGHER',
      ...priceErrors,
    ],
    handler: (ctx, { params, body }) => catalog.updateProduct(ctx, params.id, body),
  }),

  // Variants
  defineRoute({
    method: 'post',
    path: '/admin/products/:id/variants/generate',
    summary: 'Create the missing colour x size x width variants (SKUs built, optional EAN-13s)',
    tag,
    access: 'catalog:write',
    params: idParam,
    body: generateVariantsBody,
    response: generateVariantsResult,
    errors: [
      'PRODUCT_NOT_FOUND',
      ...referenced('COLOUR_NOT_FOUND'),
      'SKU_TAKEN',
      'GTIN_TAKEN',
      'GTIN_SERIALS_EXHAUSTED',
    ],
    handler: (ctx, { params, body }) => catalog.generateVariants(ctx, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/products/:id/variants',
    summary: 'Add one variant; a price or compare-at price needs prices:write',
    tag,
    access: 'catalog:write',
    params: idParam,
    body: createVariantBody,
    response: adminVariant,
    status: 201,
    errors: [
      'PRODUCT_NOT_FOUND',
      ...referenced('COLOUR_NOT_FOUND'),
      'VARIANT_EXISTS',
      'SKU_TAKEN',
      'GTIN_TAKEN',
      'COMPARE_AT_NOT_HIGHER',
      ...priceErrors,
    ],
    handler: (ctx, { params, body }) => catalog.createVariant(ctx, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/variants',
    summary: 'Scanner lookup of one variant by SKU (any case) or GTIN (UPC-A or EAN-13)',
    tag,
    access: 'catalog:read',
    query: variantLookupQuery,
    response: adminVariant,
    errors: ['VARIANT_NOT_FOUND'],
    handler: (_ctx, { query }) => catalog.lookupVariant(query),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/variants/:id',
    summary: 'One variant',
    tag,
    access: 'catalog:read',
    params: idParam,
    response: adminVariant,
    errors: ['VARIANT_NOT_FOUND'],
    handler: (_ctx, { params }) => catalog.getVariant(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/admin/variants/:id',
    summary: 'Change a variant; price fields need prices:write',
    tag,
    access: 'catalog:write',
    params: idParam,
    body: updateVariantBody,
    response: adminVariant,
    errors: ['VARIANT_NOT_FOUND', 'SKU_TAKEN', 'GTIN_TAKEN', 'COMPARE_AT_NOT_HIGHER', ...priceErrors],
    handler: (ctx, { params, body }) => catalog.updateVariant(ctx, params.id, body),
  }),

  // CSV
  defineRoute({
    method: 'get',
    path: '/admin/catalog/export.csv',
    summary: 'The catalog as CSV, one row per variant (streamed)',
    tag,
    access: 'catalog:read',
    handler: async (ctx, { res }) => {
      res.type('text/csv; charset=utf-8');
      res.attachment('catalog.csv');
      try {
        await pipeline(Readable.from(catalog.exportRows()), stringify(), res);
      } catch (error) {
        if (!res.headersSent) throw error;
        // Too late for a problem document: cut the download short so it cannot pass for complete.
        ctx.log.error({ err: error }, 'catalog export failed mid-stream');
        res.destroy();
      }
      return SENT;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/admin/catalog/import',
    summary:
      'Upsert products by style_code and variants by sku from CSV (text/csv); all rows or none. Needs prices:write too.',
    tag,
    access: 'catalog:write',
    bodyKind: 'csv',
    response: catalogImportResult,
    errors: [
      'CSV_MALFORMED',
      'CSV_HEADER_INVALID',
      'CSV_INVALID',
      'VERSION_CONFLICT',
      'SKU_TAKEN',
      'GTIN_TAKEN',
      ...priceErrors,
    ],
    handler: (ctx, { raw }) => catalog.importCsv(ctx, raw),
  }),
];
