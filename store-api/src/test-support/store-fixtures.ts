/**
 * A small shoe shop built through the admin API (brands, categories, colours, products,
 * generated variants, prices, stock), for the store read-path tests. Test support only.
 */
import { recordChanges } from '../lib/changes.ts';
import type { TestApp } from './harness.ts';

type Call = TestApp['call'];

export interface ShopVariant {
  id: string;
  colour: string;
  sizeEu: number;
  sku: string;
}
export interface ShopProduct {
  id: string;
  slug: string;
  name: string;
  variants: ShopVariant[];
  variant(colour: string, sizeEu: number): ShopVariant;
}
export interface Shop {
  locationId: string;
  brands: Record<string, string>;
  categories: Record<string, string>;
  colours: Record<string, string>;
  products: Record<string, ShopProduct>;
}

export interface ProductSpec {
  key: string;
  name: string;
  brand: string;
  category: string;
  heelHeightMm: number;
  basePriceMinor: number;
  colours: string[];
  sizes: number[];
  status?: 'draft' | 'active' | 'archived';
  /** `COLOUR/size` -> price overrides. */
  prices?: Record<string, { priceMinor?: number | null; compareAtMinor?: number | null }>;
  /** `COLOUR/size` -> units received. */
  stock?: Record<string, number>;
  /** `COLOUR/size` of variants switched off. */
  inactive?: string[];
  popularity?: number;
}

const expect2xx = (what: string, res: { status: number; text: string }) => {
  if (res.status < 200 || res.status > 299)
    throw new Error(`fixture: ${what} answered ${res.status}: ${res.text}`);
};

export const brandSpecs = [
  { key: 'mila', name: 'Mila' },
  { key: 'oceane', name: 'Océane' },
];
export const categorySpecs = [
  { key: 'pumps', name: 'Pumps & heels', slug: 'pumps-heels', position: 0 },
  { key: 'flats', name: 'Flats', slug: 'flats', position: 1 },
  { key: 'boots', name: 'Boots', slug: 'boots', position: 2 },
];
export const colourSpecs = [
  { code: 'BLACK', name: 'Black', family: 'black', swatchHex: '#111111' },
  { code: 'CHERRY', name: 'Cherry', family: 'red', swatchHex: '#AA1122' },
  { code: 'NUDE', name: 'Nude', family: 'nude', swatchHex: '#E3BC9A' },
  { code: 'NAVY', name: 'Navy', family: 'blue', swatchHex: '#112244' },
];

/** The hand-checked shop of the HTTP tests. */
export const baseProducts: ProductSpec[] = [
  {
    key: 'elodie',
    name: 'Élodie pump',
    brand: 'mila',
    category: 'pumps',
    heelHeightMm: 90,
    basePriceMinor: 10_000,
    colours: ['BLACK', 'CHERRY'],
    sizes: [37, 38, 39],
    prices: { 'CHERRY/38': { priceMinor: 12_000, compareAtMinor: 15_000 } },
    stock: { 'BLACK/38': 2, 'CHERRY/37': 1 },
    popularity: 5,
  },
  {
    key: 'mira',
    name: 'Mira pump',
    brand: 'oceane',
    category: 'pumps',
    heelHeightMm: 60,
    basePriceMinor: 8_000,
    colours: ['CHERRY', 'NUDE'],
    sizes: [38, 39, 40],
    prices: { 'NUDE/40': { compareAtMinor: 9_000 } },
    stock: { 'CHERRY/39': 4, 'NUDE/40': 1 },
    popularity: 5,
  },
  {
    key: 'tess',
    name: 'Tess ballerina',
    brand: 'mila',
    category: 'flats',
    heelHeightMm: 5,
    basePriceMinor: 6_000,
    colours: ['NUDE', 'BLACK'],
    sizes: [37, 38],
    stock: { 'BLACK/37': 3 },
    popularity: 9,
  },
  {
    key: 'rhea',
    name: 'Rhea bootie',
    brand: 'oceane',
    category: 'boots',
    heelHeightMm: 45,
    basePriceMinor: 14_000,
    colours: ['BLACK'],
    sizes: [38.5, 39],
    inactive: ['BLACK/39'],
    popularity: 1,
  },
  {
    key: 'nova',
    name: 'Nova sandal',
    brand: 'mila',
    category: 'flats',
    heelHeightMm: 30,
    basePriceMinor: 9_000,
    colours: ['NAVY'],
    sizes: [36, 37],
    stock: { 'NAVY/36': 5 },
    popularity: 2,
  },
  {
    key: 'secret',
    name: 'Secret pump',
    brand: 'mila',
    category: 'pumps',
    heelHeightMm: 100,
    basePriceMinor: 20_000,
    colours: ['BLACK'],
    sizes: [38],
    status: 'draft',
    stock: { 'BLACK/38': 9 },
  },
  {
    key: 'old',
    name: 'Old boot',
    brand: 'oceane',
    category: 'boots',
    heelHeightMm: 40,
    basePriceMinor: 5_000,
    colours: ['BLACK'],
    sizes: [38],
    status: 'archived',
    stock: { 'BLACK/38': 9 },
  },
];

/** More products with varied attributes (deterministic), for the model-vs-SQL property test. */
export function variedProducts(count: number): ProductSpec[] {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed % n;
  };
  const words = ['pump', 'sandal', 'boot', 'loafer'];
  const sizes = [36, 37, 38, 38.5, 39, 40];
  const out: ProductSpec[] = [];
  for (let k = 0; k < count; k++) {
    const colours = [...new Set([colourSpecs[rand(4)]!.code, colourSpecs[rand(4)]!.code])];
    const sizeList = [...new Set([sizes[rand(6)]!, sizes[rand(6)]!, sizes[rand(6)]!])].sort((a, b) => a - b);
    const base = [5_000, 8_000, 12_000][rand(3)]!;
    const prices: ProductSpec['prices'] = {};
    const stock: Record<string, number> = {};
    const inactive: string[] = [];
    for (const c of colours) {
      for (const s of sizeList) {
        const key = `${c}/${s}`;
        const r = rand(10);
        if (r < 2) prices[key] = { priceMinor: [6_000, 9_000, 15_000][rand(3)]! };
        else if (r < 4) prices[key] = { compareAtMinor: base + 4_000 };
        if (rand(3) > 0) stock[key] = 1 + rand(3);
        // Never the first one: a product needs an active variant to be active.
        if (rand(12) === 0 && key !== `${colours[0]}/${sizeList[0]}`) inactive.push(key);
      }
    }
    out.push({
      key: `varied${k}`,
      name: `Varied ${k} ${words[rand(4)]}`,
      brand: brandSpecs[rand(2)]!.key,
      category: categorySpecs[rand(3)]!.key,
      heelHeightMm: [0, 24, 25, 50, 51, 80, 81, 110][rand(8)]!,
      basePriceMinor: base,
      colours,
      sizes: sizeList,
      prices,
      stock,
      inactive,
      popularity: rand(4),
      status: rand(10) === 0 ? 'draft' : 'active',
    });
  }
  return out;
}

export async function buildShop(t: TestApp, specs: ProductSpec[] = baseProducts): Promise<Shop> {
  const call: Call = t.call;
  const token = t.tokens.owner;
  const shop: Shop = { locationId: '', brands: {}, categories: {}, colours: {}, products: {} };

  for (const b of brandSpecs) {
    const res = await call('POST', '/admin/brands', { token, body: { name: b.name, slug: b.key } });
    expect2xx('POST /admin/brands', res);
    shop.brands[b.key] = res.body.id;
  }
  for (const c of categorySpecs) {
    const res = await call('POST', '/admin/categories', {
      token,
      body: { name: c.name, slug: c.slug, position: c.position },
    });
    expect2xx('POST /admin/categories', res);
    shop.categories[c.key] = res.body.id;
  }
  for (const c of colourSpecs) {
    const res = await call('POST', '/admin/colours', { token, body: c });
    expect2xx('POST /admin/colours', res);
    shop.colours[c.code] = res.body.id;
  }
  const location = await call('POST', '/admin/stock-locations', {
    token,
    body: { code: 'MAIN', name: 'Main' },
  });
  expect2xx('POST /admin/stock-locations', location);
  shop.locationId = location.body.id;

  const receiveLines: { variantId: string; quantity: number }[] = [];
  const popularity: { id: string; popularity: number }[] = [];
  // Switched off after the stock arrives (an inactive variant cannot receive), so inactive
  // variants with stock exist and must stay hidden.
  const switchOff: string[] = [];
  for (const spec of specs) {
    const created = await call('POST', '/admin/products', {
      token,
      body: {
        name: spec.name,
        description: `${spec.name}: a test shoe.`,
        brandId: shop.brands[spec.brand],
        categoryId: shop.categories[spec.category],
        material: 'Leather',
        heelHeightMm: spec.heelHeightMm,
        basePriceMinor: spec.basePriceMinor,
        currency: 'EUR',
        tags: ['test'],
      },
    });
    expect2xx('POST /admin/products', created);
    const productId: string = created.body.id;
    const generated = await call('POST', `/admin/products/${productId}/variants/generate`, {
      token,
      body: { colourIds: spec.colours.map((c) => shop.colours[c]), sizes: spec.sizes },
    });
    expect2xx('POST /admin/products/:id/variants/generate', generated);
    const codeOf = new Map(Object.entries(shop.colours).map(([code, id]) => [id, code]));
    const variants: ShopVariant[] = generated.body.created.map(
      (v: { id: string; colourId: string; sizeEu: number; sku: string }) => ({
        id: v.id,
        colour: codeOf.get(v.colourId)!,
        sizeEu: v.sizeEu,
        sku: v.sku,
      }),
    );
    const find = (key: string) => {
      const [colour, size] = key.split('/');
      const v = variants.find((x) => x.colour === colour && x.sizeEu === Number(size));
      if (!v) throw new Error(`fixture: no variant ${key} in ${spec.key}`);
      return v;
    };
    for (const [key, body] of Object.entries(spec.prices ?? {})) {
      const res = await call('PATCH', `/admin/variants/${find(key).id}`, { token, body });
      expect2xx('PATCH /admin/variants/:id', res);
    }
    for (const key of spec.inactive ?? []) switchOff.push(find(key).id);
    for (const [key, quantity] of Object.entries(spec.stock ?? {}))
      receiveLines.push({ variantId: find(key).id, quantity });
    const status = spec.status ?? 'active';
    if (status !== 'draft') {
      const res = await call('PATCH', `/admin/products/${productId}`, { token, body: { status } });
      expect2xx('PATCH /admin/products/:id', res);
    }
    if (spec.popularity) popularity.push({ id: productId, popularity: spec.popularity });
    shop.products[spec.key] = {
      id: productId,
      slug: created.body.slug,
      name: spec.name,
      variants,
      variant: (colour, sizeEu) => find(`${colour}/${sizeEu}`),
    };
  }
  if (receiveLines.length > 0) {
    const res = await call('POST', '/admin/inventory/receive', {
      token,
      body: { locationId: shop.locationId, reference: 'FIXTURE', lines: receiveLines },
    });
    expect2xx('POST /admin/inventory/receive', res);
  }
  for (const id of switchOff) {
    const res = await call('PATCH', `/admin/variants/${id}`, { token, body: { active: false } });
    expect2xx('PATCH /admin/variants/:id', res);
  }
  // Popularity is "units sold recently", written by order flows; no admin route sets it.
  if (popularity.length > 0) {
    const { eq } = await import('drizzle-orm');
    await t.store.tx(async (tx) => {
      for (const p of popularity)
        await tx
          .update(t.store.t.products)
          .set({ popularity: p.popularity })
          .where(eq(t.store.t.products.id, p.id));
      await recordChanges(
        t.store,
        tx,
        'product',
        popularity.map((p) => p.id),
        Date.now(),
      );
    });
  }
  return shop;
}
