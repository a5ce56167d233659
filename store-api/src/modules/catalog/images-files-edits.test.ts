import { newId } from '@shoebox/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { createProduct, gradient, useImagesApp } from '../../test-support/images-fixtures.ts';

// Serving the files (conditional GETs, file names) and editing, reordering and deleting images.
describe(`product image files and edits (${testDialect})`, () => {
  const { seed, upload, fetchBytes } = useImagesApp();
  let t: TestApp;
  let productId: string;
  beforeAll(() => {
    t = seed.t;
    productId = seed.productId;
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
