import { DomainError, newId } from '@shoebox/shared';
import {
  type ImageRenditionWidth,
  type ProductImage,
  type imageInputFormats,
  imageLimits,
  imageUrls,
  renditionWidthsFor,
} from '@shoebox/shared/contracts';
import { and, asc, eq, max, sql } from 'drizzle-orm';
import sharp, { type Metadata } from 'sharp';
import type { Db, Store } from '../../db/client.ts';
import { affectedRows } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import { imageErrors } from './catalog.errors.ts';

type ImageRow = Store['t']['productImages']['$inferSelect'];
type InputFormat = (typeof imageInputFormats)[number];

export interface EncodedImage {
  format: InputFormat;
  /** After EXIF orientation. */
  width: number;
  height: number;
  files: { width: ImageRenditionWidth; bytes: Buffer }[];
}

const webpQuality = 80;

// Decoding a large image takes memory (libvips streams, but PNG and AVIF decode at full size):
// at most this many encodes run at once per process, the others wait their turn.
const encodeSlots = createLimiter(2);

const { notFound: imageNotFound, productNotFound, unsupported, unreadable, tooLarge } = imageErrors;

/**
 * Checks an upload by its bytes and re-encodes it into WebP renditions: EXIF orientation applied,
 * metadata stripped, never upscaled. Throws a DomainError for anything that is not an acceptable
 * image. CPU-bound (runs on libvips' threads); call it outside any transaction.
 */
export async function encodeProductImage(bytes: Buffer): Promise<EncodedImage> {
  if (bytes.length === 0) throw imageErrors.required();
  // The magic bytes pick the format first, so no other libvips loader (SVG, PDF, TIFF, ...) ever
  // parses an upload; sharp's header must then agree.
  const sniffed = sniffFormat(bytes);
  if (!sniffed) throw unsupported(otherFormat(bytes));
  const input = { limitInputPixels: imageLimits.maxPixels, failOn: 'error' } as const;

  let meta: Metadata;
  try {
    // Reads the header only: type and dimensions are known before any pixel is decoded.
    meta = await sharp(bytes, input).metadata();
  } catch (e) {
    throw decodeError(e);
  }
  const format = inputFormat(meta);
  if (format !== sniffed) throw unreadable(`the header does not describe a ${sniffed} image`);
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw unreadable('no dimensions in the header');
  if (width > imageLimits.maxSide || height > imageLimits.maxSide || width * height > imageLimits.maxPixels)
    throw tooLarge(width, height);
  if (width < imageLimits.minSide || height < imageLimits.minSide) {
    throw imageErrors.tooSmall(width, height);
  }

  const files = await encodeSlots(async () => {
    try {
      // One decoder for all renditions; rotate() applies the EXIF orientation, and the WebP
      // output carries no metadata (no EXIF, XMP or GPS) because none is kept.
      const base = sharp(bytes, input).rotate();
      return await Promise.all(
        renditionWidthsFor(width).map(async (w) => ({
          width: w,
          bytes: await base
            .clone()
            .resize({ width: Math.min(w, width), withoutEnlargement: true })
            .webp({ quality: webpQuality })
            .toBuffer(),
        })),
      );
    } catch (e) {
      throw decodeError(e);
    }
  });
  return { format, width, height, files };
}

/** The accepted format these bytes start like, or null. */
export function sniffFormat(bytes: Buffer): InputFormat | null {
  const ascii = (start: number, end: number) => bytes.toString('latin1', start, end);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(pngSignature)) return 'png';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  // ISO-BMFF: [size]['ftyp'][major brand][minor version][compatible brands...] naming avif or avis.
  if (bytes.length >= 16 && ascii(4, 8) === 'ftyp') {
    const end = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
    for (let at = 8; at + 4 <= end; at += at === 8 ? 8 : 4) {
      const brand = ascii(at, at + 4);
      if (brand === 'avif' || brand === 'avis') return 'avif';
    }
  }
  return null;
}
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Names a common refused format so the message can say what the file looks like. */
function otherFormat(bytes: Buffer): string | null {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 256));
  if (head.startsWith('GIF8')) return 'GIF';
  if (head.startsWith('%PDF')) return 'PDF';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'TIFF';
  if (head.startsWith('BM')) return 'BMP';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg/i.test(head)) return 'SVG';
  if (head.slice(4, 8) === 'ftyp') return 'HEIC or another HEIF';
  return null;
}

function inputFormat(meta: Metadata): InputFormat | null {
  switch (meta.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
      return meta.format;
    case 'heif':
      // HEIF is a container: only AV1-coded (AVIF) is accepted, not HEVC (HEIC).
      return meta.compression === 'av1' ? 'avif' : null;
    default:
      return null;
  }
}

function decodeError(e: unknown): DomainError {
  if (e instanceof DomainError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/unsupported image format/i.test(message)) return unsupported(null);
  if (/pixel limit/i.test(message)) return tooLarge(null, null);
  return unreadable(message);
}

export function createImagesService(store: Store) {
  const t = store.t.productImages;
  const files = store.t.productImageFiles;
  const products = store.t.products;

  const view = (row: ImageRow): ProductImage => ({
    id: row.id,
    productId: row.productId,
    position: row.position,
    alt: row.alt,
    width: row.width,
    height: row.height,
    urls: imageUrls(row.id, row.width),
  });

  /**
   * Takes the product row's lock for the rest of the transaction (a no-op update) so uploads and
   * reorders of one product's images run one after another. False when the product does not exist.
   */
  async function lockProduct(tx: Db, productId: string): Promise<boolean> {
    const result = await tx
      .update(products)
      .set({ updatedAt: sql`${products.updatedAt}` })
      .where(eq(products.id, productId));
    return affectedRows(result) > 0;
  }

  const imagesOf = (db: Db, productId: string) =>
    db
      .select()
      .from(t)
      .where(eq(t.productId, productId))
      .orderBy(asc(t.position), asc(t.createdAt), asc(t.id));

  /** Writes positions 0..n-1 in the given order, touching only the rows that move. */
  async function renumber(tx: Db, ordered: ImageRow[]): Promise<void> {
    for (const [index, row] of ordered.entries()) {
      if (row.position !== index) await tx.update(t).set({ position: index }).where(eq(t.id, row.id));
    }
  }

  return {
    async upload(ctx: RequestContext, productId: string, bytes: Buffer | undefined, alt: string) {
      // Fail fast before spending CPU on an image for a product that is not there.
      const [exists] = await store.db
        .select({ id: products.id })
        .from(products)
        .where(eq(products.id, productId))
        .limit(1);
      if (!exists) throw productNotFound();

      const encoded = await encodeProductImage(bytes ?? Buffer.alloc(0));

      return store.tx(async (tx) => {
        if (!(await lockProduct(tx, productId))) throw productNotFound();
        const [last] = await tx
          .select({ position: max(t.position) })
          .from(t)
          .where(eq(t.productId, productId));
        const row: ImageRow = {
          id: newId(),
          productId,
          position: last?.position == null ? 0 : Number(last.position) + 1,
          alt,
          width: encoded.width,
          height: encoded.height,
          createdAt: ctx.now,
        };
        await tx.insert(t).values(row);
        // One statement per file keeps each well under MySQL's max_allowed_packet.
        for (const file of encoded.files)
          await tx.insert(files).values({ imageId: row.id, width: file.width, bytes: file.bytes });
        const after = {
          ...view(row),
          sourceFormat: encoded.format,
          fileBytes: Object.fromEntries(encoded.files.map((f) => [String(f.width), f.bytes.length])),
        };
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'product_image.create',
            entity: 'product_image',
            entityId: row.id,
            after,
          },
          changes: [{ entity: 'product', ids: [productId] }],
        });
        return view(row);
      });
    },

    async update(
      ctx: RequestContext,
      id: string,
      input: { alt?: string | undefined; position?: number | undefined },
    ) {
      return store.tx(async (tx) => {
        const [found] = await tx.select().from(t).where(eq(t.id, id)).limit(1);
        if (!found) throw imageNotFound();
        await lockProduct(tx, found.productId);
        // Re-read under the lock: a concurrent reorder may have moved it.
        const siblings = await imagesOf(tx, found.productId);
        const before = siblings.find((r) => r.id === id);
        if (!before) throw imageNotFound();

        let after = before;
        if (input.alt !== undefined && input.alt !== before.alt) {
          await tx.update(t).set({ alt: input.alt }).where(eq(t.id, id));
          after = { ...after, alt: input.alt };
        }
        const ordered = [...siblings];
        if (input.position !== undefined) {
          ordered.splice(ordered.indexOf(before), 1);
          ordered.splice(Math.min(input.position, ordered.length), 0, before);
        }
        await renumber(tx, ordered);
        after = { ...after, position: ordered.indexOf(before) };

        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'product_image.update',
            entity: 'product_image',
            entityId: id,
            before: view(before),
            after: view(after),
          },
          changes: [{ entity: 'product', ids: [before.productId] }],
        });
        return view(after);
      });
    },

    async remove(ctx: RequestContext, id: string): Promise<void> {
      await store.tx(async (tx) => {
        const [found] = await tx.select().from(t).where(eq(t.id, id)).limit(1);
        if (!found) throw imageNotFound();
        await lockProduct(tx, found.productId);
        const siblings = await imagesOf(tx, found.productId);
        const before = siblings.find((r) => r.id === id);
        if (!before) throw imageNotFound();
        await tx.delete(files).where(eq(files.imageId, id));
        await tx.delete(t).where(eq(t.id, id));
        await renumber(
          tx,
          siblings.filter((r) => r.id !== id),
        );
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'product_image.delete',
            entity: 'product_image',
            entityId: id,
            before: view(before),
          },
          changes: [{ entity: 'product', ids: [before.productId] }],
        });
      });
    },

    /** A product's images in display order (the first is the main image). */
    async listForProduct(productId: string): Promise<ProductImage[]> {
      const [exists] = await store.db
        .select({ id: products.id })
        .from(products)
        .where(eq(products.id, productId))
        .limit(1);
      if (!exists) throw productNotFound();
      return (await imagesOf(store.db, productId)).map(view);
    },

    /**
     * A rendition's bytes, or only whether it exists (`withBytes: false`, for conditional requests).
     * Throws IMAGE_NOT_FOUND when the image or that width does not exist.
     */
    async file(id: string, width: ImageRenditionWidth, withBytes: boolean): Promise<Buffer | null> {
      const where = and(eq(files.imageId, id), eq(files.width, width));
      if (!withBytes) {
        const [row] = await store.db.select({ width: files.width }).from(files).where(where).limit(1);
        if (!row) throw imageNotFound();
        return null;
      }
      const [row] = await store.db.select({ bytes: files.bytes }).from(files).where(where).limit(1);
      if (!row) throw imageNotFound();
      return Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes as Uint8Array);
    },
  };
}
export type ImagesService = ReturnType<typeof createImagesService>;

/** A tiny semaphore: at most `n` tasks run at once, the rest queue in order. */
function createLimiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiter, so a newcomer cannot overtake.
    if (active < n) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
