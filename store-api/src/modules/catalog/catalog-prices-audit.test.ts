import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { useCatalogApp, json } from '../../test-support/admin-catalog-fixtures.ts';

// The prices:write permission on catalog writes, and the audit trail and change log of every write.
describe(`admin catalog (${testDialect})`, () => {
  const { seed, post, patch, get, productBody, newProduct, variantBody, refused } = useCatalogApp();
  let t: TestApp;
  beforeAll(() => {
    t = seed.t;
  });

  describe('price permission', () => {
    let keyToken: string;
    beforeAll(async () => {
      const key = await post(
        '/admin/api-keys',
        { name: 'catalog bot', permissions: ['catalog:read', 'catalog:write'] },
        t.tokens.owner,
      );
      expect(key.status, key.text).toBe(201);
      keyToken = key.body.key;
    });

    it('lets a manager change prices', async () => {
      const p = await newProduct();
      const res = await patch(`/admin/products/${p.id}`, { basePriceMinor: 9900 });
      expect(res.body).toMatchObject({ basePriceMinor: 9900, version: 2 });
    });

    it('refuses price changes to a client with catalog:write but not prices:write', async () => {
      const p = await newProduct();
      await refused(() => post('/admin/products', productBody(), keyToken), 403, 'PERMISSION_DENIED');
      await refused(
        () => patch(`/admin/products/${p.id}`, { basePriceMinor: 1 }, keyToken),
        403,
        'PERMISSION_DENIED',
      );
      const renamed = await patch(
        `/admin/products/${p.id}`,
        { name: 'Bot rename', basePriceMinor: p.basePriceMinor },
        keyToken,
      );
      expect(renamed.body).toMatchObject({ name: 'Bot rename', version: 2 });
      await refused(
        () => post(`/admin/products/${p.id}/variants`, variantBody({ priceMinor: 5000 }), keyToken),
        403,
        'PERMISSION_DENIED',
      );
      const v = await post(`/admin/products/${p.id}/variants`, variantBody({ priceMinor: null }), keyToken);
      expect(v.status).toBe(201);
      await refused(
        () => patch(`/admin/variants/${v.body.id}`, { compareAtMinor: 99_000 }, keyToken),
        403,
        'PERMISSION_DENIED',
      );
      const weight = await patch(`/admin/variants/${v.body.id}`, { weightGrams: 720 }, keyToken);
      expect(weight.body.weightGrams).toBe(720);
    });
  });

  it('audits every write with before and after and appends to the change log', async () => {
    const changesBefore = (await tableCounts(t.store)).change_log!;
    const p = await newProduct();
    await patch(`/admin/products/${p.id}`, { material: 'Patent leather' });
    const v = (await post(`/admin/products/${p.id}/variants`, variantBody())).body;
    await patch(`/admin/variants/${v.id}`, { lowStockThreshold: 5 });
    expect((await tableCounts(t.store)).change_log! - changesBefore).toBe(4);

    const log = await get(`/admin/audit-log?entity=product&entityId=${p.id}`, t.tokens.owner);
    const entries = log.body.items.map((e: any) => ({ ...e, before: json(e.before), after: json(e.after) }));
    const update = entries.find((e: any) => e.action === 'product.update');
    expect(update).toMatchObject({
      actorType: 'staff',
      before: { material: 'Leather', version: 1 },
      after: { material: 'Patent leather', version: 2 },
    });
    expect(entries.find((e: any) => e.action === 'product.create').after).toMatchObject({ id: p.id });
    const variantLog = await get(`/admin/audit-log?entity=variant&entityId=${v.id}`, t.tokens.owner);
    expect(variantLog.body.items.map((e: any) => e.action).sort()).toEqual([
      'variant.create',
      'variant.update',
    ]);
    const vUpdate = variantLog.body.items.find((e: any) => e.action === 'variant.update');
    expect(json(vUpdate.before).lowStockThreshold).toBe(2);
    expect(json(vUpdate.after).lowStockThreshold).toBe(5);
  });
});
