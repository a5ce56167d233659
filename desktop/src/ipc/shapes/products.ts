/**
 * The managers' catalogue editor across the boundary. Field edits of an existing product go
 * through `products.update` (the offline outbox); creating products and variants, images and CSV
 * need the shop server, and answer API_UNREACHABLE in words when it cannot be reached.
 */
import {
  createProductBody,
  generateVariantsBody,
  productImage,
  updateVariantBody,
} from '@shoebox/shared/contracts';
import { z } from 'zod';

const id = z.string().min(1).max(80);

/** Brands, categories and colours from the cache (works offline), sorted by name. */
export const catalogTaxonomy = z.object({
  brands: z.array(z.object({ id, name: z.string() })),
  categories: z.array(z.object({ id, name: z.string() })),
  colours: z.array(z.object({ id, name: z.string(), code: z.string(), swatchHex: z.string() })),
});
export type CatalogTaxonomy = z.infer<typeof catalogTaxonomy>;

/** A new style, as the API takes it (the server builds the slug, and the style code if left out). */
export const productCreateArgs = createProductBody;
export const productCreated = z.object({ id, version: z.number().int() });

/** The colour x size x width matrix; the combinations that exist already are skipped. */
export const variantsGenerateArgs = generateVariantsBody.safeExtend({ productId: id });
export const variantsGenerated = z.object({ created: z.number().int(), skipped: z.number().int() });

/** One variant's SKU, barcode, prices (minor units), weight, threshold or on/off. */
export const variantUpdateArgs = updateVariantBody
  .safeExtend({ variantId: id })
  .refine((a) => Object.keys(a).length > 1, { message: 'Change at least one field', path: ['variantId'] });

/** Image files cross the boundary as base64: at most 10 MB of file (the API's own limit). */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
const imageBase64 = z.base64().max(Math.ceil(IMAGE_MAX_BYTES / 3) * 4);

export const imageUploadArgs = z.strictObject({
  productId: id,
  dataBase64: imageBase64,
  alt: z.string().trim().max(200).default(''),
});

/** An image as the editor shows it: the API's record and its smallest rendition inline (the CSP allows data: images only). */
export const editorImage = productImage.extend({ thumbnail: z.string().nullable() });
export type EditorImage = z.infer<typeof editorImage>;

export const imageUpdateArgs = z
  .strictObject({
    imageId: id,
    alt: z.string().trim().max(200).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((a) => a.alt !== undefined || a.position !== undefined, {
    message: 'Give alt or position',
    path: ['alt'],
  });

/** The CSV text, as the API takes and gives it (one row per variant; see shared's catalogCsvColumns). */
export const CSV_MAX_CHARS = 5_000_000;
export const csvImportArgs = z.strictObject({ csv: z.string().min(1).max(CSV_MAX_CHARS) });
export const csvExport = z.object({ csv: z.string(), fileName: z.string() });

/**
 * A refused product edit (PRODUCT_EDIT_CONFLICT) resolved field by field: for each field in
 * conflict, keep `mine` or `theirs`. The backend queues a new `product.update` against the
 * server's current version (the fields this device changed that nobody else did go with it) and
 * the refused one leaves "Needs attention". Answers null when nothing is left to send.
 */
export const conflictResolveArgs = z.strictObject({
  mutationId: id,
  keep: z.record(z.string().min(1).max(40), z.enum(['mine', 'theirs'])),
});
