/**
 * Setup shared by the product image test files (images-*.test.ts). Test images are made here with
 * sharp: no binary fixtures in the repository. Each file calls `useImagesApp()` inside its describe
 * block, so each file gets one app of its own (beforeAll/afterAll) with one draft product and a
 * 1600x1200 JPEG photo, plus the request helpers its tests use.
 */
import { newId } from '@shoebox/shared';
import sharp from 'sharp';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

/** A smooth colour gradient, like a studio photo's background. */
export async function gradient(width: number, height: number, format: 'jpeg' | 'png', orientation?: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = Math.round((x / width) * 255);
      pixels[i + 1] = Math.round((y / height) * 255);
      pixels[i + 2] = 140;
    }
  }
  let image = sharp(pixels, { raw: { width, height, channels: 3 } });
  image = format === 'jpeg' ? image.jpeg({ quality: 90 }) : image.png();
  if (orientation) image = image.withMetadata({ orientation });
  return image.toBuffer();
}

/** A draft product built through the catalog admin API, with its own brand and category. */
export async function createProduct(t: TestApp, name: string): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const res = await t.call('POST', path, { token: t.tokens.manager, body });
    if (res.status !== 201) throw new Error(`fixture: POST ${path} failed: ${res.text}`);
    return res.body.id as string;
  };
  const suffix = newId().slice(-8);
  const brandId = await post('/admin/brands', { name: `Brand ${suffix}` });
  const categoryId = await post('/admin/categories', { name: `Category ${suffix}` });
  return post('/admin/products', {
    name,
    description: 'Soft leather, padded insole.',
    brandId,
    categoryId,
    material: 'leather',
    heelHeightMm: 80,
    basePriceMinor: 12900,
    currency: 'EUR',
  });
}

/** Filled in by the beforeAll hook of `useImagesApp`; read it only inside tests and hooks. */
export interface ImagesSeed {
  t: TestApp;
  productId: string;
  photo: Buffer;
}

export function useImagesApp() {
  const seed = {} as ImagesSeed;

  const upload = (
    id: string,
    bytes: Buffer | string,
    opts: { token?: string; alt?: string; type?: string } = {},
  ) =>
    seed.t.call(
      'POST',
      `/admin/products/${id}/images${opts.alt ? `?alt=${encodeURIComponent(opts.alt)}` : ''}`,
      {
        token: opts.token ?? seed.t.tokens.manager,
        rawBody: bytes,
        headers: { 'content-type': opts.type ?? 'application/octet-stream' },
      },
    );
  const fetchBytes = async (path: string, headers: Record<string, string> = {}) => {
    const res = await seed.t.fetch(seed.t.baseUrl + path, { headers });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    seed.t = await startTestApp();
    seed.photo = await gradient(1600, 1200, 'jpeg');
    seed.productId = await createProduct(seed.t, 'Mila pointed-toe pump');
  });
  afterAll(() => seed.t.close());

  return { seed, upload, fetchBytes };
}
