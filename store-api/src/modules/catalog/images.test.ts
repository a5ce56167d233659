import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { newId } from '@shoebox/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { encodeProductImage } from './images.service.ts';

// Test images are made here with sharp: no binary fixtures in the repository.

/** A smooth colour gradient, like a studio photo's background. */
async function gradient(width: number, height: number, format: 'jpeg' | 'png', orientation?: number) {
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

/** Random pixels: a real image that does not compress. */
const noisePng = (width: number, height: number) => {
  const pixels = randomBytes(width * height * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
};

/** A valid small PNG whose header claims `width` x `height`: a decompression bomb's calling card. */
async function pngClaiming(width: number, height: number) {
  const png = Buffer.from(await gradient(300, 300, 'png'));
  // Signature (8 bytes), then IHDR: length (4), type (4), width (4), height (4), ... , CRC over type+data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe(`product images (${testDialect})`, () => {
  let t: TestApp;
  let productId: string;
  let photo: Buffer;

  const upload = (
    id: string,
    bytes: Buffer | string,
    opts: { token?: string; alt?: string; type?: string } = {},
  ) =>
    t.call('POST', `/admin/products/${id}/images${opts.alt ? `?alt=${encodeURIComponent(opts.alt)}` : ''}`, {
      token: opts.token ?? t.tokens.manager,
      rawBody: bytes,
      headers: { 'content-type': opts.type ?? 'application/octet-stream' },
    });
  const fetchBytes = async (path: string, headers: Record<string, string> = {}) => {
    const res = await t.fetch(t.baseUrl + path, { headers });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    photo = await gradient(1600, 1200, 'jpeg');
    productId = await createProduct(t, 'Mila pointed-toe pump');
  });
  afterAll(() => t.close());

  it('re-encodes a 1600x1200 JPEG into WebP renditions at 320, 640 and 1280 px', async () => {
    const res = await upload(productId, photo, { alt: 'Mila in nude, side view' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      productId,
      position: 0,
      alt: 'Mila in nude, side view',
      width: 1600,
      height: 1200,
      urls: {
        '320': `/media/images/${res.body.id}/320.webp`,
        '640': `/media/images/${res.body.id}/640.webp`,
        '1280': `/media/images/${res.body.id}/1280.webp`,
      },
    });
    for (const [width, url] of Object.entries(res.body.urls as Record<string, string>)) {
      const { res: file, bytes } = await fetchBytes(url);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/webp');
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(file.headers.get('etag')).toMatch(/^".+"$/);
      expect(file.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(Number(width));
      expect(meta.height).toBe(Math.round((Number(width) * 1200) / 1600));
    }
  });

  it('records the upload in the audit log and the change sequence', async () => {
    const before = await tableCounts(t.store);
    const res = await upload(productId, await gradient(400, 400, 'png'));
    expect(res.status).toBe(201);
    const after = await tableCounts(t.store);
    expect(after.product_images).toBe(before.product_images! + 1);
    expect(after.product_image_files).toBe(before.product_image_files! + 1);
    expect(after.change_log).toBe(before.change_log! + 1);
    const audit = await t.call('GET', `/admin/audit-log?entity=product_image&entityId=${res.body.id}`, {
      token: t.tokens.owner,
    });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ action: 'product_image.create', entityId: res.body.id });
    expect(audit.body.items[0].after).toMatchObject({ productId, sourceFormat: 'png', width: 400 });
  });

  it('applies the EXIF orientation and strips all metadata', async () => {
    // Stored landscape 1600x1200 with "rotate 90" in EXIF: a portrait photo as phones save them.
    const res = await upload(productId, await gradient(1600, 1200, 'jpeg', 6));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ width: 1200, height: 1600 });
    expect(Object.keys(res.body.urls)).toEqual(['320', '640']);
    const { bytes } = await fetchBytes(res.body.urls['640']);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ width: 640, height: 853 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(meta.icc).toBeUndefined();
  });

  it('never upscales: a 300 px image gets only the 320 rendition, 300 px wide', async () => {
    const res = await upload(productId, await gradient(300, 300, 'png'));
    expect(res.status).toBe(201);
    expect(res.body.urls).toEqual({ '320': `/media/images/${res.body.id}/320.webp` });
    const { bytes } = await fetchBytes(res.body.urls['320']);
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 300, height: 300 });
    const missing = await t.call('GET', `/media/images/${res.body.id}/640.webp`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body.code).toBe('IMAGE_NOT_FOUND');
  });

  it('accepts WebP and AVIF uploads, judged by their bytes', async () => {
    const source = await gradient(500, 400, 'png');
    for (const bytes of [await sharp(source).webp().toBuffer(), await sharp(source).avif().toBuffer()]) {
      const res = await upload(productId, bytes, { type: 'text/plain' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ width: 500, height: 400 });
    }
  });

  describe('refuses what is not an acceptable image, writing nothing', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400"/></svg>';
    const pdf = '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n';
    const unsupported = { status: 415, code: 'IMAGE_TYPE_UNSUPPORTED' };
    const cases: {
      name: string;
      make: () => Promise<Buffer | string>;
      type: string;
      status: number;
      code: string;
      detected?: string | null;
    }[] = [
      {
        name: 'a text file sent as image/png',
        make: async () => 'not a picture',
        type: 'image/png',
        ...unsupported,
        detected: null,
      },
      {
        name: 'a PDF sent as image/jpeg',
        make: async () => pdf,
        type: 'image/jpeg',
        ...unsupported,
        detected: 'PDF',
      },
      { name: 'an SVG', make: async () => svg, type: 'image/svg+xml', ...unsupported, detected: 'SVG' },
      {
        name: 'an SVG sent as image/png',
        make: async () => `<?xml version="1.0"?>\n${svg}`,
        type: 'image/png',
        ...unsupported,
        detected: 'SVG',
      },
      {
        name: 'a GIF',
        make: () => sharp(Buffer.from(svg)).gif().toBuffer(),
        type: 'image/gif',
        ...unsupported,
        detected: 'GIF',
      },
      {
        name: 'a TIFF',
        make: async () =>
          sharp(await gradient(400, 400, 'png'))
            .tiff()
            .toBuffer(),
        type: 'image/tiff',
        ...unsupported,
        detected: 'TIFF',
      },
      {
        name: 'a truncated JPEG',
        make: async () => photo.subarray(0, photo.length >> 1),
        type: 'image/jpeg',
        status: 422,
        code: 'IMAGE_UNREADABLE',
      },
      {
        name: 'a JPEG cut inside its header',
        make: async () => photo.subarray(0, 40),
        type: 'image/jpeg',
        status: 422,
        code: 'IMAGE_UNREADABLE',
      },
      {
        name: 'a 100x100 image',
        make: () => gradient(100, 100, 'png'),
        type: 'image/png',
        status: 422,
        code: 'IMAGE_TOO_SMALL',
      },
      {
        name: 'a 1000x150 banner',
        make: () => gradient(1000, 150, 'png'),
        type: 'image/png',
        status: 422,
        code: 'IMAGE_TOO_SMALL',
      },
      {
        name: 'a header claiming 20000x20000 (decompression bomb)',
        make: () => pngClaiming(20_000, 20_000),
        type: 'image/png',
        status: 422,
        code: 'IMAGE_TOO_LARGE_DIMENSIONS',
      },
      {
        name: 'a header claiming 8000x6000 (48 megapixels)',
        make: () => pngClaiming(8000, 6000),
        type: 'image/png',
        status: 422,
        code: 'IMAGE_TOO_LARGE_DIMENSIONS',
      },
      {
        name: 'an empty body',
        make: async () => '',
        type: 'image/jpeg',
        status: 400,
        code: 'IMAGE_REQUIRED',
      },
    ];
    it.each(cases)('$name', async ({ make, type, status, code, detected }) => {
      const before = await tableCounts(t.store);
      const res = await upload(productId, await make(), { type });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe(code);
      expect(res.body.detail).toMatch(/image|file|body/i);
      if (detected !== undefined) expect(res.body.details.detected).toBe(detected);
      expect(await tableCounts(t.store)).toEqual(before);
    });
  });

  it('answers 404 PRODUCT_NOT_FOUND for an unknown product', async () => {
    const before = await tableCounts(t.store);
    const res = await upload(newId(), photo);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('PRODUCT_NOT_FOUND');
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('lets only staff with catalog:write upload, edit or delete images', async () => {
    const before = await tableCounts(t.store);
    const warehouse = await upload(productId, photo, { token: t.tokens.warehouse });
    expect(warehouse.status).toBe(403);
    expect(warehouse.body.code).toBe('PERMISSION_DENIED');
    const anonymous = await t.call('POST', `/admin/products/${productId}/images`, { rawBody: photo });
    expect(anonymous.status).toBe(401);
    const image = (await t.call('GET', `/admin/products/${productId}/images`, { token: t.tokens.warehouse }))
      .body[0];
    const patch = await t.call('PATCH', `/admin/images/${image.id}`, {
      token: t.tokens.warehouse,
      body: { alt: 'nope' },
    });
    expect(patch.status).toBe(403);
    const del = await t.call('DELETE', `/admin/images/${image.id}`, { token: t.tokens.warehouse });
    expect(del.status).toBe(403);
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('serves files publicly and answers a matching If-None-Match with 304', async () => {
    const res = await upload(productId, await gradient(700, 700, 'jpeg'));
    const url = res.body.urls['640'];
    const first = await fetchBytes(url);
    const etag = first.res.headers.get('etag')!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await fetchBytes(url, { 'if-none-match': ifNoneMatch });
      expect(again.res.status).toBe(304);
      expect(again.bytes.length).toBe(0);
      expect(again.res.headers.get('etag')).toBe(etag);
      expect(again.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const stale = await fetchBytes(url, { 'if-none-match': '"something-else"' });
    expect(stale.res.status).toBe(200);
    expect(stale.bytes.equals(first.bytes)).toBe(true);
    // The other rendition of the same image has its own tag.
    const other = await fetchBytes(res.body.urls['320'], { 'if-none-match': etag });
    expect(other.res.status).toBe(200);
  });

  it('refuses file names other than 320/640/1280.webp and unknown ids', async () => {
    const id = (await t.call('GET', `/admin/products/${productId}/images`, { token: t.tokens.manager }))
      .body[0].id;
    for (const file of ['999.webp', '320.png', '320.webp.exe', '..%2F..%2Fetc%2Fpasswd', '0320.webp']) {
      const res = await t.call('GET', `/media/images/${id}/${file}`);
      expect(res.status, file).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const unknown = await t.call('GET', `/media/images/${newId()}/320.webp`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('IMAGE_NOT_FOUND');
    const conditional = await t.call('GET', `/media/images/${newId()}/320.webp`, {
      headers: { 'if-none-match': '*' },
    });
    expect(conditional.status).toBe(404);
  });

  it('reorders images, edits alt text and deletes an image with its files', async () => {
    const product = await createProduct(t, 'Lola ankle boot');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await upload(product, await gradient(400 + i * 10, 400, 'png'), { alt: `view ${i}` });
      expect(res.body.position).toBe(i);
      ids.push(res.body.id);
    }
    const list = async () =>
      (await t.call('GET', `/admin/products/${product}/images`, { token: t.tokens.manager })).body.map(
        (i: { id: string; position: number }) => [i.id, i.position],
      );

    const moved = await t.call('PATCH', `/admin/images/${ids[2]}`, {
      token: t.tokens.manager,
      body: { position: 0 },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: ids[2], position: 0, alt: 'view 2' });
    expect(await list()).toEqual([
      [ids[2], 0],
      [ids[0], 1],
      [ids[1], 2],
    ]);

    const last = await t.call('PATCH', `/admin/images/${ids[2]}`, {
      token: t.tokens.manager,
      body: { position: 99, alt: '  Lola, back view  ' },
    });
    expect(last.body).toMatchObject({ position: 2, alt: 'Lola, back view' });

    const before = await tableCounts(t.store);
    const del = await t.call('DELETE', `/admin/images/${ids[0]}`, { token: t.tokens.manager });
    expect(del.status).toBe(204);
    const after = await tableCounts(t.store);
    expect(after.product_images).toBe(before.product_images! - 1);
    expect(after.product_image_files).toBe(before.product_image_files! - 1);
    expect(after.audit_log).toBe(before.audit_log! + 1);
    expect(after.change_log).toBe(before.change_log! + 1);
    expect((await t.call('GET', `/media/images/${ids[0]}/320.webp`)).status).toBe(404);
    expect(await list()).toEqual([
      [ids[1], 0],
      [ids[2], 1],
    ]);
    const detail = await t.call('GET', `/admin/products/${product}`, { token: t.tokens.manager });
    expect(detail.body.images.map((i: { id: string }) => i.id)).toEqual([ids[1], ids[2]]);
    expect(detail.body.images[1]).toMatchObject({
      alt: 'Lola, back view',
      urls: { '320': expect.any(String) },
    });
    const again = await t.call('DELETE', `/admin/images/${ids[0]}`, { token: t.tokens.manager });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('IMAGE_NOT_FOUND');
  });

  it('validates image edits', async () => {
    const id = (await t.call('GET', `/admin/products/${productId}/images`, { token: t.tokens.manager }))
      .body[0].id;
    const empty = await t.call('PATCH', `/admin/images/${id}`, { token: t.tokens.manager, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].code).toBe('EMPTY_UPDATE');
    const bad = await t.call('PATCH', `/admin/images/${id}`, {
      token: t.tokens.manager,
      body: { position: -1, alt: 'x'.repeat(201), url: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['alt', 'position', 'url']);
    const unknown = await t.call('PATCH', `/admin/images/${newId()}`, {
      token: t.tokens.manager,
      body: { alt: 'x' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('IMAGE_NOT_FOUND');
  });
});

describe(`product image size limit (${testDialect})`, () => {
  let t: TestApp;
  let productId: string;
  beforeAll(async () => {
    t = await startTestApp({ IMAGE_MAX_BYTES: '50000' });
    productId = await createProduct(t, 'Nora ballet flat');
  });
  afterAll(() => t.close());

  it('refuses a body over IMAGE_MAX_BYTES with 413 before reading it, writing nothing', async () => {
    const big = await noisePng(300, 300);
    expect(big.length).toBeGreaterThan(50_000);
    const before = await tableCounts(t.store);
    const res = await t.call('POST', `/admin/products/${productId}/images`, {
      token: t.tokens.manager,
      rawBody: big,
      headers: { 'content-type': 'image/png' },
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await tableCounts(t.store)).toEqual(before);
  });
});

describe('image encoding', () => {
  it('encodes a 1600x1200 JPEG into 320, 640 and 1280 px WebP renditions', async () => {
    const encoded = await encodeProductImage(await gradient(1600, 1200, 'jpeg'));
    expect(encoded.files.map((f) => f.width)).toEqual([320, 640, 1280]);
  });
});

/** A draft product built through the catalog admin API, with its own brand and category. */
async function createProduct(t: TestApp, name: string): Promise<string> {
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
