/**
 * Hand-made and synthetic catalogs for the read-model unit tests and the CPU measurement.
 * Test support only; nothing in the app imports this.
 */
import {
  type BrandRow,
  type CatalogSource,
  type CategoryRow,
  type ColourRow,
  emptySource,
  type ImageRow,
  type ProductRow,
  pushTo,
  type VariantRow,
} from '../modules/storefront-catalog/index.ts';

let counter = 0;
/** Ids that sort in creation order, like UUIDv7. */
export const testId = (prefix = 'x'): string => {
  counter++;
  const hex = counter.toString(16).padStart(12, '0');
  return `00000000-0000-7000-8${prefix.charCodeAt(0).toString(16).slice(-3).padStart(3, '0')}-${hex}`;
};

export class SourceBuilder {
  readonly source: CatalogSource = emptySource();

  brand(name: string, slug = slugOf(name), sizeChart: BrandRow['sizeChart'] = null): BrandRow {
    const row = { id: testId('b'), name, slug, sizeChart };
    this.source.brands.set(row.id, row);
    return row;
  }

  category(name: string, position: number, slug = slugOf(name)): CategoryRow {
    const row = { id: testId('c'), name, slug, position };
    this.source.categories.set(row.id, row);
    return row;
  }

  colour(name: string, family: string, code = name.toUpperCase().replace(/\W+/g, '-')): ColourRow {
    const row = { id: testId('o'), name, code, family, swatchHex: '#000000' };
    this.source.colours.set(row.id, row);
    return row;
  }

  product(
    fields: Partial<ProductRow> & { name: string; brand: BrandRow; category: CategoryRow },
  ): ProductRow {
    const { brand, category, ...rest } = fields;
    const row: ProductRow = {
      id: testId('p'),
      slug: slugOf(fields.name),
      description: '',
      brandId: brand.id,
      categoryId: category.id,
      material: 'leather',
      heelHeightMm: 60,
      basePriceMinor: 10_000,
      currency: 'EUR',
      tags: [],
      popularity: 0,
      createdAt: 1_000,
      ...rest,
    };
    this.source.products.set(row.id, row);
    return row;
  }

  variant(
    product: ProductRow,
    colour: ColourRow,
    sizeEu: number,
    extra: Partial<VariantRow> & { available?: number } = {},
  ): VariantRow {
    const { available, ...rest } = extra;
    const row: VariantRow = {
      id: testId('v'),
      productId: product.id,
      colourId: colour.id,
      sizeEuTenths: Math.round(sizeEu * 10),
      width: 'standard',
      sku: `${product.slug}-${colour.code}-${sizeEu}`.toUpperCase(),
      gtin: null,
      priceMinor: null,
      compareAtMinor: null,
      ...rest,
    };
    pushTo(this.source.variants, product.id, row);
    if (available !== undefined) this.source.available.set(row.id, available);
    return row;
  }

  image(product: ProductRow, position: number, width = 1600, height = 1200): ImageRow {
    const row = {
      id: testId('i'),
      productId: product.id,
      position,
      alt: `${product.name} ${position}`,
      width,
      height,
    };
    pushTo(this.source.images, product.id, row);
    this.source.images.get(product.id)!.sort((a, b) => a.position - b.position);
    return row;
  }
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A deterministic pseudo-random catalog: `products` styles x `coloursPer` colours x `sizes`. */
export function syntheticCatalog(
  products: number,
  coloursPer: number,
  sizes: readonly number[],
): CatalogSource {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const b = new SourceBuilder();
  const brands = ['Mila', 'Océane', 'Bruna', 'Lotte', 'Sasha', 'Ines', 'Greta', 'Noor'].map((n) =>
    b.brand(n),
  );
  const categories = ['Pumps & heels', 'Flats', 'Sandals', 'Boots', 'Sneakers', 'Loafers', 'Wedges'].map(
    (n, i) => b.category(n, i),
  );
  const families = ['black', 'white', 'nude', 'brown', 'grey', 'red', 'pink', 'blue', 'green', 'metallic'];
  const colours = families.flatMap((f) => [b.colour(`${f} leather`, f), b.colour(`${f} suede`, f)]);
  for (let p = 0; p < products; p++) {
    const product = b.product({
      name: `Style ${p} ${['pump', 'ballerina', 'sandal', 'bootie', 'sneaker'][p % 5]}`,
      brand: brands[p % brands.length]!,
      category: categories[Math.floor(rand() * categories.length)]!,
      heelHeightMm: Math.floor(rand() * 110),
      basePriceMinor: 4_000 + Math.floor(rand() * 30) * 500,
      popularity: Math.floor(rand() * 50),
      createdAt: 1_700_000_000_000 + Math.floor(rand() * 1e9),
    });
    const start = Math.floor(rand() * colours.length);
    for (let c = 0; c < coloursPer; c++) {
      const colour = colours[(start + c * 3) % colours.length]!;
      for (const size of sizes) {
        b.variant(product, colour, size, {
          priceMinor: rand() < 0.2 ? product.basePriceMinor + 1_000 : null,
          compareAtMinor: rand() < 0.15 ? product.basePriceMinor + 3_000 : null,
          available: rand() < 0.3 ? 0 : Math.floor(rand() * 12),
        });
      }
    }
  }
  return b.source;
}
