import { newId } from '@shoebox/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testDialect } from '../../test-support/harness.ts';
import { useCatalogApp } from '../../test-support/admin-catalog-fixtures.ts';

// Brands, categories and colours. Split from the admin catalog suite; setup lives in test-support/admin-catalog-fixtures.ts.
describe(`admin catalog (${testDialect})`, () => {
  const { seed, post, patch, get, productBody, refused } = useCatalogApp();
  let t: TestApp;
  beforeAll(() => {
    t = seed.t;
  });

  describe('brands, categories and colours', () => {
    it('creates a brand with a slug from its name, lists and renames it', async () => {
      const created = await post('/admin/brands', { name: 'Höga Klackar' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: created.body.id,
        name: 'Höga Klackar',
        slug: 'hoga-klackar',
        sizeChart: null,
      });
      const renamed = await patch(`/admin/brands/${created.body.id}`, {
        name: 'Höga',
        sizeChart: { '38': { us: 7.5, uk: 5 } },
      });
      expect(renamed.body).toMatchObject({
        name: 'Höga',
        slug: 'hoga-klackar',
        sizeChart: { '38': { us: 7.5, uk: 5 } },
      });
      const list = await get('/admin/brands', t.tokens.warehouse);
      expect(list.status).toBe(200);
      expect(list.body.find((b: { id: string }) => b.id === created.body.id)).toMatchObject({ name: 'Höga' });
    });

    it('refuses a duplicate brand slug, category slug and colour code with 409', async () => {
      await refused(() => post('/admin/brands', { name: 'MILA & CO' }), 409, 'BRAND_SLUG_TAKEN');
      await refused(
        () => post('/admin/categories', { name: 'x', slug: 'pumps-heels' }),
        409,
        'CATEGORY_SLUG_TAKEN',
      );
      await refused(
        () =>
          post('/admin/colours', { name: 'Nude again', code: 'nude', family: 'nude', swatchHex: '#E3BC9A' }),
        409,
        'COLOUR_CODE_TAKEN',
      );
      const other = await post('/admin/brands', { name: 'Other brand' });
      await refused(
        () => patch(`/admin/brands/${other.body.id}`, { slug: 'mila-co' }),
        409,
        'BRAND_SLUG_TAKEN',
      );
    });

    it('numbers categories after the last one and moves them', async () => {
      const a = await post('/admin/categories', { name: 'Flats & ballerinas' });
      const b = await post('/admin/categories', { name: 'Sandals' });
      expect(b.body.position).toBe(a.body.position + 1);
      const moved = await patch(`/admin/categories/${b.body.id}`, { position: 0 });
      expect(moved.body).toMatchObject({ slug: 'sandals', position: 0 });
    });

    it('upper-cases colour codes and swatches and checks family and hex', async () => {
      const res = await post('/admin/colours', {
        name: 'Cherry red',
        code: 'cherry',
        family: 'red',
        swatchHex: '#aa0011',
      });
      expect(res.body).toMatchObject({ code: 'CHERRY', swatchHex: '#AA0011', family: 'red' });
      const derived = await post('/admin/colours', {
        name: 'Rosé gold',
        family: 'metallic',
        swatchHex: '#B76E79',
      });
      expect(derived.body.code).toBe('ROSE-GOLD');
      await refused(
        () => post('/admin/colours', { name: 'Teal', family: 'teal', swatchHex: '#008080' }),
        400,
        'VALIDATION_FAILED',
        'INVALID_VALUE',
      );
      await refused(
        () => post('/admin/colours', { name: 'Teal', family: 'blue', swatchHex: '008080' }),
        400,
        'VALIDATION_FAILED',
        'INVALID_FORMAT',
      );
      const renamed = await patch(`/admin/colours/${res.body.id}`, { name: 'Cherry' });
      expect(renamed.body).toMatchObject({ name: 'Cherry', code: 'CHERRY' });
    });

    it('answers 404 for a missing brand, category or colour in the URL', async () => {
      await refused(() => patch(`/admin/brands/${newId()}`, { name: 'x' }), 404, 'BRAND_NOT_FOUND');
      await refused(() => patch(`/admin/categories/${newId()}`, { name: 'x' }), 404, 'CATEGORY_NOT_FOUND');
      await refused(() => patch(`/admin/colours/${newId()}`, { name: 'x' }), 404, 'COLOUR_NOT_FOUND');
    });

    it('lets warehouse staff read but not write the catalog', async () => {
      expect((await get('/admin/colours', t.tokens.warehouse)).status).toBe(200);
      await refused(
        () => post('/admin/brands', { name: 'Nope' }, t.tokens.warehouse),
        403,
        'PERMISSION_DENIED',
      );
      await refused(
        () => post('/admin/products', productBody(), t.tokens.warehouse),
        403,
        'PERMISSION_DENIED',
      );
    });
  });
});
