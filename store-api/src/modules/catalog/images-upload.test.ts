import { newId } from '@shoebox/shared';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { gradient, useImagesApp } from '../../test-support/images-fixtures.ts';
import { encodeProductImage } from './images.service.ts';

// Uploads that are accepted: renditions, audit, orientation, formats; unknown products and roles.
describe(`product image uploads (${testDialect})`, () => {
  const { seed, upload, fetchBytes } = useImagesApp();
  let t: TestApp;
  let productId: string;
  let photo: Buffer;
  beforeAll(() => {
    t = seed.t;
    productId = seed.productId;
    photo = seed.photo;
  });

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
});

describe('image encoding', () => {
  it('encodes a 1600x1200 JPEG into 320, 640 and 1280 px WebP renditions', async () => {
    const encoded = await encodeProductImage(await gradient(1600, 1200, 'jpeg'));
    expect(encoded.files.map((f) => f.width)).toEqual([320, 640, 1280]);
  });
});
