/**
 * The catalogue writes only the shop server can make (new products and variants, variant
 * fields, images, CSV), through the API with the signed-in manager's token. Each says plainly
 * when the server cannot be reached; field edits of a product go through the offline outbox
 * instead (`products.update`). Images come back with their smallest rendition inline, because
 * the page's CSP loads images from itself or `data:` only.
 */
import type { ProductImage } from '@shoebox/shared/contracts';
import { createShoeboxClient } from '@shoebox/shared/client';
import { type ArgsOf, type EditorImage, ipcError, type ResultOf } from '../ipc/index.ts';
import type { BackendConfig } from './config.ts';
import { isUnreachable } from './session.ts';
import type { SyncAuth } from './sync/sync-auth.ts';

/** Uploads and imports carry megabytes: give them longer than a read. */
const WRITE_TIMEOUT_MS = 60_000;

export function createServerCatalog(
  config: Pick<BackendConfig, 'apiUrl' | 'requestTimeoutMs' | 'log'>,
  auth: Pick<SyncAuth, 'accessToken'>,
) {
  const timeout = Math.max(config.requestTimeoutMs, WRITE_TIMEOUT_MS);
  const api = createShoeboxClient({
    baseUrl: config.apiUrl,
    getToken: () => auth.accessToken(),
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeout) }),
  }).admin;

  const unreachable = (what: string) =>
    ipcError(
      'API_UNREACHABLE',
      `${what} needs the shop server, which cannot be reached right now. Product field changes still work offline; try this again once the app is back online.`,
    );

  /** Runs one API call, turning "cannot reach it" into words; the API's own refusals pass through. */
  async function online<T>(what: string, call: () => Promise<T>): Promise<T> {
    if (!(await auth.accessToken())) throw unreachable(what);
    try {
      return await call();
    } catch (e) {
      if (isUnreachable(e)) throw unreachable(what);
      throw e;
    }
  }

  /** The 320 px rendition as a data: URL, or null when it cannot be fetched (the list still shows). */
  async function thumbnail(image: ProductImage): Promise<string | null> {
    const path = image.urls['320'] ?? Object.values(image.urls)[0];
    if (!path) return null;
    try {
      const res = await fetch(config.apiUrl.replace(/\/+$/, '') + path, {
        signal: AbortSignal.timeout(config.requestTimeoutMs),
      });
      if (!res.ok) return null;
      return `data:image/webp;base64,${Buffer.from(await res.arrayBuffer()).toString('base64')}`;
    } catch {
      return null;
    }
  }
  const withThumbnail = async (image: ProductImage): Promise<EditorImage> => ({
    ...image,
    thumbnail: await thumbnail(image),
  });

  return {
    async create(args: ArgsOf<'products.create'>): Promise<ResultOf<'products.create'>> {
      const created = await online('Creating a product', () => api.products.create(args));
      return { id: created.id, version: created.version };
    },

    async generateVariants({
      productId,
      ...body
    }: ArgsOf<'products.generateVariants'>): Promise<ResultOf<'products.generateVariants'>> {
      const result = await online('Adding variants', () => api.variants.generate(productId, body));
      return { created: result.created.length, skipped: result.skipped };
    },

    async updateVariant({ variantId, ...body }: ArgsOf<'products.updateVariant'>): Promise<null> {
      await online('Changing a variant', () => api.variants.update(variantId, body));
      return null;
    },

    async images(productId: string): Promise<EditorImage[]> {
      const list = await online('Showing images', () => api.products.images(productId));
      return Promise.all(list.map(withThumbnail));
    },

    async uploadImage({ productId, dataBase64, alt }: ArgsOf<'products.uploadImage'>): Promise<EditorImage> {
      const bytes = Buffer.from(dataBase64, 'base64');
      const image = await online('Uploading an image', () =>
        api.products.uploadImage(productId, new Uint8Array(bytes), alt),
      );
      return withThumbnail(image);
    },

    async updateImage({ imageId, ...body }: ArgsOf<'products.updateImage'>): Promise<null> {
      await online('Changing an image', () => api.images.update(imageId, body));
      return null;
    },

    async deleteImage(imageId: string): Promise<null> {
      await online('Deleting an image', () => api.images.remove(imageId));
      return null;
    },

    async importCsv(csv: string): Promise<ResultOf<'catalog.importCsv'>> {
      return online('Importing a CSV', () => api.catalog.importCsv(csv));
    },

    async exportCsv(): Promise<ResultOf<'catalog.exportCsv'>> {
      const csv = await online('Exporting the catalogue', () => api.catalog.exportCsv());
      return { csv, fileName: `catalog-${new Date().toISOString().slice(0, 10)}.csv` };
    },
  };
}
export type ServerCatalog = ReturnType<typeof createServerCatalog>;
