/**
 * Catalog fixtures for tests of modules that need products and variants (inventory, orders...),
 * built through the admin catalog API as a client would.
 */
import type { TestApp } from './harness.ts';

export interface VariantFixture {
  id: string;
  productId: string;
  sku: string;
  colourId: string;
  colourCode: string;
  sizeEu: number;
  width: string;
  lowStockThreshold: number;
  active: boolean;
}

export interface ProductFixture {
  id: string;
  name: string;
  styleCode: string;
  variants: VariantFixture[];
  /** The variant of a colour code and size. */
  variant(colourCode: string, sizeEu: number): VariantFixture;
}

export interface ProductFixtureOptions {
  name?: string;
  styleCode?: string;
  /** Colour codes, e.g. ['NUDE', 'BLACK']; each colour is created once per test app, named 'Nude', 'Black'. */
  colours: string[];
  sizes: number[];
  /** Default active. */
  status?: 'draft' | 'active' | 'archived';
  lowStockThreshold?: number;
}

interface AppCatalog {
  brandId: string;
  categoryId: string;
  colours: Map<string, Promise<string>>;
}
const perApp = new WeakMap<TestApp, Promise<AppCatalog>>();
let counter = 0;

type Res = { status: number; text: string; body: any };
const expectStatus = (what: string, res: Res, ...statuses: number[]) => {
  if (!statuses.includes(res.status)) throw new Error(`fixture: ${what} answered ${res.status}: ${res.text}`);
  return res.body;
};

function baseCatalog(t: TestApp): Promise<AppCatalog> {
  let base = perApp.get(t);
  if (!base) {
    base = (async () => {
      const brand = await t.call('POST', '/admin/brands', {
        token: t.tokens.owner,
        body: { name: 'Fixture Brand' },
      });
      const category = await t.call('POST', '/admin/categories', {
        token: t.tokens.owner,
        body: { name: 'Pumps & heels' },
      });
      return {
        brandId: expectStatus('POST /admin/brands', brand, 201).id,
        categoryId: expectStatus('POST /admin/categories', category, 201).id,
        colours: new Map(),
      };
    })();
    perApp.set(t, base);
  }
  return base;
}

function colourId(t: TestApp, base: AppCatalog, code: string): Promise<string> {
  let id = base.colours.get(code);
  if (!id) {
    const name = code.charAt(0) + code.slice(1).toLowerCase();
    id = t
      .call('POST', '/admin/colours', {
        token: t.tokens.owner,
        body: { name, code, family: 'multi', swatchHex: '#C0A080' },
      })
      .then((res) => expectStatus('POST /admin/colours', res, 201).id as string);
    base.colours.set(code, id);
  }
  return id;
}

/** A product with one variant per colour x size (standard width), active unless told otherwise. */
export async function createProductFixture(t: TestApp, opts: ProductFixtureOptions): Promise<ProductFixture> {
  const base = await baseCatalog(t);
  const n = ++counter;
  const styleCode = opts.styleCode ?? `FX${n}`;
  const name = opts.name ?? `Fixture style ${n}`;
  const status = opts.status ?? 'active';
  const colourIds: string[] = [];
  for (const code of opts.colours) colourIds.push(await colourId(t, base, code));
  const codeOf = new Map(opts.colours.map((code, i) => [colourIds[i]!, code]));

  const created = await t.call('POST', '/admin/products', {
    token: t.tokens.owner,
    body: {
      name,
      styleCode,
      description: 'Fixture',
      brandId: base.brandId,
      categoryId: base.categoryId,
      material: 'Leather',
      heelHeightMm: 60,
      basePriceMinor: 8900,
      currency: 'EUR',
    },
  });
  const productId: string = expectStatus('POST /admin/products', created, 201).id;
  const generated = await t.call('POST', `/admin/products/${productId}/variants/generate`, {
    token: t.tokens.owner,
    body: { colourIds, sizes: opts.sizes, lowStockThreshold: opts.lowStockThreshold ?? 2 },
  });
  expectStatus('POST /admin/products/:id/variants/generate', generated, 200, 201);
  if (status !== 'draft') {
    const patched = await t.call('PATCH', `/admin/products/${productId}`, {
      token: t.tokens.owner,
      body: { status },
    });
    expectStatus('PATCH /admin/products/:id', patched, 200);
  }
  const detail = await t.call('GET', `/admin/products/${productId}`, { token: t.tokens.owner });
  const variants: VariantFixture[] = (
    expectStatus('GET /admin/products/:id', detail, 200).variants as Array<Omit<VariantFixture, 'colourCode'>>
  ).map((v) => ({
    id: v.id,
    productId: v.productId,
    sku: v.sku,
    colourId: v.colourId,
    colourCode: codeOf.get(v.colourId) ?? '',
    sizeEu: v.sizeEu,
    width: v.width,
    lowStockThreshold: v.lowStockThreshold,
    active: v.active,
  }));
  return {
    id: productId,
    name,
    styleCode,
    variants,
    variant(colourCode, sizeEu) {
      const found = variants.find((v) => v.colourCode === colourCode && v.sizeEu === sizeEu);
      if (!found) throw new Error(`fixture: no variant ${colourCode} ${sizeEu} in ${styleCode}`);
      return found;
    },
  };
}

/** Switches a variant on or off through PATCH /admin/variants/:id. */
export async function setVariantActive(t: TestApp, variantId: string, active: boolean): Promise<void> {
  const res = await t.call('PATCH', `/admin/variants/${variantId}`, {
    token: t.tokens.owner,
    body: { active },
  });
  expectStatus('PATCH /admin/variants/:id', res, 200);
}
