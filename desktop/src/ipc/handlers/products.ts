import { catalogImportResult } from '@shoebox/shared/contracts';
import { z } from 'zod';
import { mutationReceipt, noArgs } from '../contracts.ts';
import {
  catalogTaxonomy,
  conflictResolveArgs,
  csvExport,
  csvImportArgs,
  editorImage,
  imageUpdateArgs,
  imageUploadArgs,
  productCreateArgs,
  productCreated,
  variantUpdateArgs,
  variantsGenerateArgs,
  variantsGenerated,
} from '../shapes/products.ts';
import { defineHandler } from '../spec.ts';

const productArgs = z.strictObject({ productId: z.string().min(1).max(80) });
const imageArgs = z.strictObject({ imageId: z.string().min(1).max(80) });

// The managers' editor. Only `products.taxonomy` and `products.resolveConflict` work offline; the
// rest are the shop server's (API_UNREACHABLE when it is away) and sync the cache after writing.
export const productAdminSpecs = {
  'products.taxonomy': defineHandler({
    summary: 'Brands, categories and colours to choose from, from the cache',
    access: 'catalog:write',
    args: noArgs,
    result: catalogTaxonomy,
  }),
  'products.create': defineHandler({
    summary: 'Create a product on the shop server (needs a connection)',
    access: 'catalog:write',
    args: productCreateArgs,
    result: productCreated,
  }),
  'products.generateVariants': defineHandler({
    summary: 'Create the missing colour x size x width variants of a product (needs a connection)',
    access: 'catalog:write',
    args: variantsGenerateArgs,
    result: variantsGenerated,
  }),
  'products.updateVariant': defineHandler({
    summary: "Change a variant's SKU, barcode, prices, weight or threshold (needs a connection)",
    access: 'catalog:write',
    args: variantUpdateArgs,
    result: z.null(),
  }),
  'products.images': defineHandler({
    summary: "A product's images in display order, with small previews (needs a connection)",
    access: 'catalog:write',
    args: productArgs,
    result: z.array(editorImage),
  }),
  'products.uploadImage': defineHandler({
    summary: 'Upload an image file (base64) to a product (needs a connection)',
    access: 'catalog:write',
    args: imageUploadArgs,
    result: editorImage,
  }),
  'products.updateImage': defineHandler({
    summary: "Change an image's alt text or position (needs a connection)",
    access: 'catalog:write',
    args: imageUpdateArgs,
    result: z.null(),
  }),
  'products.deleteImage': defineHandler({
    summary: 'Delete an image (needs a connection)',
    access: 'catalog:write',
    args: imageArgs,
    result: z.null(),
  }),
  'products.resolveConflict': defineHandler({
    summary: 'Resolve a refused product edit field by field and queue it again (works offline)',
    access: 'catalog:write',
    args: conflictResolveArgs,
    result: mutationReceipt.nullable(),
  }),
  'catalog.importCsv': defineHandler({
    summary: 'Import products and variants from CSV: all rows or none, with row-level errors',
    access: 'catalog:write',
    args: csvImportArgs,
    result: catalogImportResult,
  }),
  'catalog.exportCsv': defineHandler({
    summary: 'The catalogue as CSV, one row per variant (needs a connection)',
    access: 'catalog:read',
    args: noArgs,
    result: csvExport,
  }),
} as const;
