import { describe, expect, it } from 'vitest';
import { handlerBench } from '../test-support/handler-bench.ts';

/**
 * The catalogue editor's handlers over a real SQLite cache and sync's in-memory server: a product
 * edit refused as a conflict is resolved field by field and reaches the server; the writes that
 * need the shop server say so in words when it cannot be reached; arguments are checked at the
 * boundary (barcodes, base64 files).
 */

const bench = handlerBench();
const { device, value, refusal, outboxSize } = bench;

/** Device `d` edits name, material and heel offline while the server changes name and material. */
async function conflictOn(d: Awaited<ReturnType<typeof device>>) {
  d.net.up = false;
  await value(d, 'products.update', {
    productId: bench.shop.mila.id,
    baseVersion: 1,
    fields: { name: 'Mila Pump 80', material: 'suede', heelHeightMm: 85 },
    base: { name: 'Mila Pump', material: 'leather', heelHeightMm: 80 },
  });
  await bench.server.serverWrite((tx) => {
    const p = bench.server.get('product', bench.shop.mila.id);
    if (p) tx.put('product', { ...p, name: 'Mila Classic', material: 'nappa', version: 2 });
  });
  d.net.up = true;
  await value(d, 'sync.now');
  const [item] = await value(d, 'sync.needsAttention');
  if (!item) throw new Error('the edit should have been refused');
  return item;
}

describe('resolving a product edit in conflict', () => {
  it('keeps the chosen value per field, sends the unconflicted changes along, and the server ends with them', async () => {
    const d = await device('manager');
    const item = await conflictOn(d);
    expect(item.conflicts?.map((c) => c.field)).toEqual(['name', 'material']);
    const receipt = await value(d, 'products.resolveConflict', {
      mutationId: item.mutationId,
      keep: { name: 'mine', material: 'theirs' },
    });
    expect(receipt?.mutationId).not.toBe(item.mutationId);
    expect(await value(d, 'sync.needsAttention')).toEqual([]);
    await value(d, 'sync.now');
    expect(bench.server.get('product', bench.shop.mila.id)).toMatchObject({
      name: 'Mila Pump 80',
      material: 'nappa',
      heelHeightMm: 85,
      version: 3,
    });
    expect(await value(d, 'sync.status')).toMatchObject({ needsAttention: 0, pending: 0 });
  });

  it('sends nothing when the server already holds every value chosen, and the refusal leaves the list', async () => {
    const d = await device('manager');
    d.net.up = false;
    await value(d, 'products.update', {
      productId: bench.shop.mila.id,
      baseVersion: 1,
      fields: { name: 'Mila Pump 80' },
      base: { name: 'Mila Pump' },
    });
    await bench.server.serverWrite((tx) => {
      const p = bench.server.get('product', bench.shop.mila.id);
      if (p) tx.put('product', { ...p, name: 'Mila Classic', version: 2 });
    });
    d.net.up = true;
    await value(d, 'sync.now');
    const [item] = await value(d, 'sync.needsAttention');
    const answer = await value(d, 'products.resolveConflict', {
      mutationId: item?.mutationId,
      keep: { name: 'theirs' },
    });
    expect(answer).toBeNull();
    expect(await value(d, 'sync.needsAttention')).toEqual([]);
    expect(outboxSize(d)).toBe(0);
  });

  it('asks for a choice on every conflicting field, and refuses a refusal that is no conflict', async () => {
    const d = await device('manager');
    const item = await conflictOn(d);
    const missing = await refusal(d, 'products.resolveConflict', {
      mutationId: item.mutationId,
      keep: { name: 'mine' },
    });
    expect(missing).toMatchObject({
      code: 'CONFLICT_CHOICE_INVALID',
      message: 'Choose which value to keep for material.',
    });
    expect((await refusal(d, 'products.resolveConflict', { mutationId: 'gone', keep: {} })).code).toBe(
      'ATTENTION_NOT_FOUND',
    );
    expect(await value(d, 'sync.needsAttention')).toHaveLength(1);
  });

  it('is for roles that edit the catalogue only', async () => {
    const w = await device('warehouse');
    expect((await refusal(w, 'products.resolveConflict', { mutationId: 'x', keep: {} })).code).toBe(
      'IPC_PERMISSION_DENIED',
    );
  });
});

describe('the editor’s other handlers', () => {
  it('lists brands, categories and colours from the cache, sorted by name, offline too', async () => {
    const d = await device('manager');
    d.net.up = false;
    const taxonomy = await value(d, 'products.taxonomy');
    expect(taxonomy.brands.map((b) => b.name)).toEqual(['Lumen']);
    expect(taxonomy.categories.map((c) => c.name)).toEqual(['Pumps']);
    expect(taxonomy.colours.map((c) => [c.name, c.code])).toEqual([
      ['Black', 'BLACK'],
      ['Nude', 'NUDE'],
    ]);
  });

  it('says in words that creating, images and CSV need the shop server when it cannot be reached', async () => {
    const d = await device('manager');
    const create = await refusal(d, 'products.create', {
      name: 'Faro Slide',
      brandId: bench.shop.brandId,
      categoryId: bench.shop.brandId,
      material: 'Suede',
      heelHeightMm: 10,
      basePriceMinor: 5900,
      currency: 'EUR',
    });
    expect(create).toMatchObject({ code: 'API_UNREACHABLE', kind: 'external' });
    expect(create.message).toMatch(/^Creating a product needs the shop server, which cannot be reached/);
    expect((await refusal(d, 'catalog.importCsv', { csv: 'style_code\nX' })).message).toMatch(
      /^Importing a CSV needs the shop server/,
    );
    expect((await refusal(d, 'products.images', { productId: bench.shop.mila.id })).code).toBe(
      'API_UNREACHABLE',
    );
  });

  it('checks barcodes and files at the boundary, before anything is sent', async () => {
    const d = await device('manager');
    const gtin = await refusal(d, 'products.updateVariant', {
      variantId: bench.sku('MILA-NUDE-38'),
      gtin: '4006381333932',
    });
    expect(gtin.code).toBe('IPC_ARGS_INVALID');
    expect(gtin.errors).toEqual([
      expect.objectContaining({ path: 'gtin', message: 'GTIN check digit is wrong' }),
    ]);
    const nothing = await refusal(d, 'products.updateVariant', { variantId: bench.sku('MILA-NUDE-38') });
    expect(nothing.code).toBe('IPC_ARGS_INVALID');
    const file = await refusal(d, 'products.uploadImage', {
      productId: bench.shop.mila.id,
      dataBase64: 'not base64!',
    });
    expect(file.errors?.[0]?.path).toBe('dataBase64');
    const huge = await refusal(d, 'products.uploadImage', {
      productId: bench.shop.mila.id,
      dataBase64: 'A'.repeat(14_000_004),
    });
    expect(huge.errors?.[0]?.path).toBe('dataBase64');
  });
});
