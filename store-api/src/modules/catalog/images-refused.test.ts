import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { createProduct, gradient, useImagesApp } from '../../test-support/images-fixtures.ts';

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

// Uploads that are refused: wrong types, unreadable or out-of-bounds images, bodies over the limit.
describe(`product image refusals (${testDialect})`, () => {
  const { seed, upload } = useImagesApp();
  let t: TestApp;
  let productId: string;
  let photo: Buffer;
  beforeAll(() => {
    t = seed.t;
    productId = seed.productId;
    photo = seed.photo;
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
