import { storeProductListQuery } from '@shoebox/shared/contracts';
import { describe, expect, it } from 'vitest';
import { listProducts } from './listing.ts';
import { SourceBuilder } from '../../test-support/read-model-fixtures.ts';
import {
  type CatalogLoader,
  type CatalogSource,
  CatalogReadModel,
  type ChangeRow,
  emptySource,
} from './read-model.ts';

/**
 * An in-memory "database" behind the CatalogLoader port. `commit` makes change rows visible,
 * in any seq order, the way MySQL can make seq 41 visible before seq 40.
 */
class FakeDb implements CatalogLoader {
  readonly b = new SourceBuilder();
  readonly visible: ChangeRow[] = [];
  nextSeq = 1;
  calls = { changes: [] as { after: number; gaps: number[] }[], loadAll: 0, products: 0, availability: 0 };
  delayMs = 0;
  failNext = false;

  get db(): CatalogSource {
    return this.b.source;
  }

  /** Takes seq numbers now (as an insert would) without making them visible. */
  reserve(entity: string, entityId: string): ChangeRow {
    return { seq: this.nextSeq++, entity, entityId };
  }

  commit(...rows: ChangeRow[]): void {
    this.visible.push(...rows);
  }

  change(entity: string, entityId: string): ChangeRow {
    const row = this.reserve(entity, entityId);
    this.commit(row);
    return row;
  }

  private async pause() {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database went away');
    }
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
  }

  async loadAll() {
    this.calls.loadAll++;
    await this.pause();
    const seq = Math.max(0, ...this.visible.map((r) => r.seq));
    const present = new Set(this.visible.map((r) => r.seq));
    const missing: number[] = [];
    for (let s = 1; s <= seq; s++) if (!present.has(s)) missing.push(s);
    return { source: cloneSource(this.db), seq, missing };
  }

  async changes(after: number, gaps: readonly number[], limit: number) {
    this.calls.changes.push({ after, gaps: [...gaps] });
    await this.pause();
    return this.visible
      .filter((r) => r.seq > after || gaps.includes(r.seq))
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
  }

  async productIdsOfVariants(variantIds: readonly string[]) {
    const out = new Set<string>();
    for (const [productId, list] of this.db.variants)
      if (list.some((v) => variantIds.includes(v.id))) out.add(productId);
    return [...out];
  }

  async products(ids: readonly string[]) {
    this.calls.products++;
    const products = ids.map((id) => this.db.products.get(id)).filter((p) => p !== undefined);
    const variants = products.flatMap((p) => this.db.variants.get(p.id) ?? []);
    const images = products.flatMap((p) => this.db.images.get(p.id) ?? []);
    return {
      products: products.map((p) => ({ ...p })),
      variants: variants.map((v) => ({ ...v })),
      images: images.map((i) => ({ ...i })),
      available: new Map(variants.map((v) => [v.id, this.db.available.get(v.id) ?? 0])),
    };
  }

  async availability(variantIds: readonly string[]) {
    this.calls.availability++;
    return new Map(variantIds.map((id) => [id, this.db.available.get(id) ?? 0]));
  }

  async brands(ids: readonly string[]) {
    return ids.map((id) => this.db.brands.get(id)).filter((x) => x !== undefined);
  }
  async categories(ids: readonly string[]) {
    return ids.map((id) => this.db.categories.get(id)).filter((x) => x !== undefined);
  }
  async colours(ids: readonly string[]) {
    return ids.map((id) => this.db.colours.get(id)).filter((x) => x !== undefined);
  }
}

function cloneSource(s: CatalogSource): CatalogSource {
  const out = emptySource();
  for (const [k, v] of s.brands) out.brands.set(k, { ...v });
  for (const [k, v] of s.categories) out.categories.set(k, { ...v });
  for (const [k, v] of s.colours) out.colours.set(k, { ...v });
  for (const [k, v] of s.products) out.products.set(k, { ...v });
  for (const [k, v] of s.variants)
    out.variants.set(
      k,
      v.map((x) => ({ ...x })),
    );
  for (const [k, v] of s.images)
    out.images.set(
      k,
      v.map((x) => ({ ...x })),
    );
  for (const [k, v] of s.available) out.available.set(k, v);
  return out;
}

function setup(options: { now?: () => number; batchLimit?: number } = {}) {
  const fake = new FakeDb();
  const { b } = fake;
  const brand = b.brand('Mila');
  const category = b.category('Pumps', 0);
  const black = b.colour('Black', 'black');
  const product = b.product({ name: 'Ada pump', brand, category });
  const v38 = b.variant(product, black, 38, { available: 0 });
  const model = new CatalogReadModel(fake, options);
  const names = () => listProducts(model.index, storeProductListQuery.parse({})).items.map((i) => i.name);
  const inStock = () =>
    listProducts(model.index, storeProductListQuery.parse({ inStock: 'true' })).items.map((i) => i.name);
  return { fake, b, brand, category, black, product, v38, model, names, inStock };
}

describe('catalog read model: following the change log', () => {
  it('loads once, then patches stock in place and rebuilds on product changes', async () => {
    const { fake, b, brand, category, black, v38, model, names, inStock } = setup();
    await model.fresh();
    expect(fake.calls.loadAll).toBe(1);
    expect(names()).toEqual(['Ada pump']);
    expect(inStock()).toEqual([]);

    fake.db.available.set(v38.id, 3);
    fake.change('stock', v38.id);
    await model.fresh();
    expect(inStock()).toEqual(['Ada pump']);
    expect(model.stats).toMatchObject({ stockPatches: 1, rebuilds: 0, fullLoads: 1 });

    const bea = b.product({ name: 'Bea sandal', brand, category });
    b.variant(bea, black, 39, { available: 1 });
    fake.change('product', bea.id);
    await model.fresh();
    expect(names()).toEqual(['Ada pump', 'Bea sandal']);
    expect(model.stats.rebuilds).toBe(1);
    expect(model.seq).toBe(2);

    // Archived (gone from the source of active products): gone from the store.
    fake.db.products.delete(bea.id);
    fake.change('product', bea.id);
    await model.fresh();
    expect(names()).toEqual(['Ada pump']);
  });

  it('re-reads a changed brand, category or colour and a variant through its product', async () => {
    const { fake, brand, black, v38, product, model } = setup();
    await model.fresh();
    fake.db.brands.set(brand.id, { ...brand, name: 'Mila Milano' });
    fake.change('brand', brand.id);
    fake.db.colours.set(black.id, { ...black, name: 'Jet' });
    fake.change('colour', black.id);
    fake.db.variants.set(product.id, [{ ...v38, priceMinor: 7_700 }]);
    fake.change('variant', v38.id);
    await model.fresh();
    const [card] = listProducts(model.index, storeProductListQuery.parse({})).items;
    expect(card).toMatchObject({ brand: { name: 'Mila Milano' }, priceMinor: 7_700 });
    expect(card!.colours[0]!.name).toBe('Jet');
  });

  it('runs one query for 50 concurrent requests', async () => {
    const { fake, model } = setup();
    await model.fresh();
    fake.calls.changes.length = 0;
    fake.delayMs = 20;
    await Promise.all(Array.from({ length: 50 }, () => model.fresh()));
    expect(fake.calls.changes.length).toBe(1);
  });

  it('makes requests that arrive during a running query share one follow-up query', async () => {
    const { fake, model } = setup();
    await model.fresh();
    fake.calls.changes.length = 0;
    fake.delayMs = 20;
    const first = model.fresh();
    await new Promise((r) => setTimeout(r, 5));
    await Promise.all([first, ...Array.from({ length: 30 }, () => model.fresh())]);
    expect(fake.calls.changes.length).toBe(2);
  });

  it('sees a change committed while a catch-up was already running', async () => {
    const { fake, v38, model, inStock } = setup();
    await model.fresh();
    fake.delayMs = 30;
    const running = model.fresh();
    await new Promise((r) => setTimeout(r, 5));
    // The running query has already read the log; this write lands after it.
    fake.db.available.set(v38.id, 2);
    fake.change('stock', v38.id);
    await model.fresh();
    expect(inStock()).toEqual(['Ada pump']);
    await running;
  });

  it('remembers a seq that commits late and applies it when it shows up', async () => {
    const { fake, b, brand, category, black, v38, model, names, inStock } = setup();
    await model.fresh();
    // Transaction A takes seq 1 but commits after transaction B (seq 2).
    const late = fake.reserve('stock', v38.id);
    const bea = b.product({ name: 'Bea sandal', brand, category });
    b.variant(bea, black, 39);
    fake.commit(fake.reserve('product', bea.id));
    await model.fresh();
    expect(model.seq).toBe(2);
    expect([...model.gaps.keys()]).toEqual([1]);
    expect(names()).toEqual(['Ada pump', 'Bea sandal']);

    fake.db.available.set(v38.id, 4);
    fake.commit(late);
    const version = model.version;
    await model.fresh();
    expect(fake.calls.changes.at(-1)).toEqual({ after: 2, gaps: [1] });
    expect(inStock()).toEqual(['Ada pump']);
    expect(model.gaps.size).toBe(0);
    expect(model.seq).toBe(2);
    expect(model.version).toBeGreaterThan(version);
  });

  it('gives up on a gap after ten seconds (a rolled back transaction)', async () => {
    let now = 1_000_000;
    const { fake, product, model } = setup({ now: () => now });
    await model.fresh();
    fake.reserve('product', product.id); // never commits
    fake.change('product', product.id);
    await model.fresh();
    expect([...model.gaps.keys()]).toEqual([1]);
    now += 9_000;
    await model.fresh();
    expect(fake.calls.changes.at(-1)!.gaps).toEqual([1]);
    expect(model.gaps.size).toBe(1);
    now += 1_000;
    await model.fresh();
    expect(model.gaps.size).toBe(0);
    await model.fresh();
    expect(fake.calls.changes.at(-1)!.gaps).toEqual([]);
  });

  it('treats holes found at a full load as gaps', async () => {
    const { fake, product, model } = setup();
    const hole = fake.reserve('product', product.id);
    fake.change('product', product.id);
    await model.fresh();
    expect(model.seq).toBe(2);
    expect([...model.gaps.keys()]).toEqual([hole.seq]);
  });

  it('reloads everything when a full batch of changes is behind', async () => {
    const { fake, v38, model } = setup({ batchLimit: 3 });
    await model.fresh();
    for (let i = 0; i < 3; i++) fake.change('stock', v38.id);
    await model.fresh();
    expect(fake.calls.loadAll).toBe(2);
    expect(model.seq).toBe(3);
  });

  it('keeps its place when a catch-up fails and applies the same changes on the next request', async () => {
    const { fake, v38, model, inStock } = setup();
    await model.fresh();
    fake.db.available.set(v38.id, 1);
    fake.change('stock', v38.id);
    fake.failNext = true;
    await expect(model.fresh()).rejects.toThrow('database went away');
    expect(model.seq).toBe(0);
    await model.fresh();
    expect(model.seq).toBe(1);
    expect(inStock()).toEqual(['Ada pump']);
  });
});
