import { z } from 'zod';

/**
 * Product images. The API re-encodes every upload into WebP renditions at these widths, never
 * upscaling: an image keeps the widths not wider than itself, and always at least the smallest
 * (which is then the image's own width). Files are served at `/media/images/<id>/<width>.webp`.
 */
export const imageRenditionWidths = [320, 640, 1280] as const;
export type ImageRenditionWidth = (typeof imageRenditionWidths)[number];

/** Upload policy, shared so a client can check a file before sending it. */
export const imageLimits = {
  /** Both sides at least this many pixels (after EXIF orientation). */
  minSide: 200,
  /** Largest side accepted (WebP cannot encode more than 16383 px a side). */
  maxSide: 16_383,
  /** Largest width x height accepted: decompression bombs are refused before decoding. */
  maxPixels: 40_000_000,
} as const;

/** Formats accepted, as sniffed from the bytes (never from Content-Type or a file name). */
export const imageInputFormats = ['jpeg', 'png', 'webp', 'avif'] as const;

/** The rendition widths an image of `originalWidth` pixels gets. */
export function renditionWidthsFor(originalWidth: number): ImageRenditionWidth[] {
  const fitting = imageRenditionWidths.filter((w) => w <= originalWidth);
  return fitting.length > 0 ? fitting : [imageRenditionWidths[0]];
}

export const imageFilePath = (imageId: string, width: ImageRenditionWidth): string =>
  `/media/images/${imageId}/${width}.webp`;

/** `{"320": "/media/images/<id>/320.webp", ...}` for the widths the image has. */
export function imageUrls(imageId: string, originalWidth: number): Record<string, string> {
  return Object.fromEntries(
    renditionWidthsFor(originalWidth).map((w) => [String(w), imageFilePath(imageId, w)]),
  );
}

export const productImage = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  /** 0 is the main image; positions of a product's images are 0..n-1. */
  position: z.number().int().min(0),
  alt: z.string(),
  /** Pixels of the upload after EXIF orientation. */
  width: z.number().int(),
  height: z.number().int(),
  /** Rendition width -> path. */
  urls: z.record(z.string(), z.string()),
});
export type ProductImage = z.infer<typeof productImage>;

const alt = z.string().trim().max(200);

/** `POST /admin/products/:id/images?alt=...`: the body is the image bytes. */
export const uploadImageQuery = z.strictObject({ alt: alt.default('') });

export const updateImageBody = z
  .strictObject({
    alt: alt.optional(),
    /** Moves the image to this place; the others shift. Beyond the end means last. */
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((b) => b.alt !== undefined || b.position !== undefined, {
    message: 'Give alt or position',
    params: { code: 'EMPTY_UPDATE' },
  });

export const imageFileParams = z.strictObject({
  id: z.uuid(),
  file: z.string().regex(/^(320|640|1280)\.webp$/, 'must be 320.webp, 640.webp or 1280.webp'),
});
