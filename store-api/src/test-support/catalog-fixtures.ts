/**
 * Catalog fixtures for tests of modules that need products and variants (inventory, orders...),
 * built through the admin catalog API with the typed client, as a client would. A refusal throws
 * the client's ShoeboxApiError (status, code, detail).
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

function baseCatalog(t: TestApp): Promise<AppCatalog> {
  let base = perApp.get(t);
  if (!base) {
    const admin = t.client(t.tokens.owner).admin;
    base = (async () => ({
      brandId: (await admin.brands.create({ name: 'Fixture Brand' })).id,
      categoryId: (await admin.categories.create({ name: 'Pumps & heels' })).id,
      colours: new Map(),
    }))();
    perApp.set(t, base);
  }
  return base;
}

function colourId(t: TestApp, base: AppCatalog, code: string): Promise<string> {
  let id = base.colours.get(code);
  if (!id) {
    const name = code.charAt(0) + code.slice(1).toLowerCase();
    id = t
      .client(t.tokens.owner)
      .admin.colours.create({ name, code, family: 'multi', swatchHex: '#C0A080' })
      .then((colour) => colour.id);
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

  const admin = t.client(t.tokens.owner).admin;
  const { id: productId } = await admin.products.create({
    name,
    styleCode,
    description: 'Fixture',
    brandId: base.brandId,
    categoryId: base.categoryId,
    material: 'Leather',
    heelHeightMm: 60,
    basePriceMinor: 8900,
    currency: 'EUR',
  });
  await admin.variants.generate(productId, {
    colourIds,
    sizes: opts.sizes,
    lowStockThreshold: opts.lowStockThreshold ?? 2,
  });
  if (status !== 'draft') await admin.products.update(productId, { status });
  const detail = await admin.products.get(productId);
  const variants: VariantFixture[] = detail.variants.map((v) => ({
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
  await t.client(t.tokens.owner).admin.variants.update(variantId, { active });
}
