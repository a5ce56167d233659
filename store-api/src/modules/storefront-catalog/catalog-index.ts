/**
 * The listing index: the source flattened into typed arrays in product-id order, so a listing is
 * one linear pass with almost no allocation (listing.ts). Rebuilt from the source on any change
 * that is not stock-only (read-model.ts).
 */
import { heelBandOf, heelBands } from '@shoebox/shared';
import {
  byText,
  type BrandRow,
  type CatalogSource,
  type CategoryRow,
  type ColourRow,
  type ProductRow,
  type VariantRow,
} from './catalog-source.ts';
import { type CardStatic, cardImageUrl, colourView, compareColours } from './product-card.ts';
import { foldText } from './search-text.ts';
import { refreshStock } from './stock-patch.ts';

export interface CatalogIndex {
  // Dictionaries; a value's ordinal is its place in the facet order.
  categories: CategoryRow[];
  categoryBySlug: Map<string, number>;
  brands: BrandRow[];
  brandBySlug: Map<string, number>;
  /** EU sizes present on listed variants, ascending. */
  sizes: number[];
  sizeByTenths: Map<number, number>;
  /** Colour families present on listed variants, alphabetical. */
  families: string[];
  familyByName: Map<string, number>;
  /** Listed products per value: the facet universe and the category/brand product counts. */
  categoryProducts: Int32Array;
  brandProducts: Int32Array;
  sizeProducts: Int32Array;
  familyProducts: Int32Array;
  heelProducts: Int32Array;

  /** Listed products: active with at least one active variant; ordinal = rank of the id. */
  n: number;
  productIds: string[];
  productCategory: Int32Array;
  productBrand: Int32Array;
  productHeel: Uint8Array;
  search: string[];
  cards: CardStatic[];
  sizesInStock: number[][];
  inStock: Uint8Array;
  /** Product ordinals by popularity desc, then id. */
  byPopularity: Int32Array;
  /** Product ordinals by creation desc, then id. */
  byNew: Int32Array;
  /** Variants of product i are vStart[i] .. vStart[i+1]-1. */
  vStart: Int32Array;
  /** Unfiltered per-product figures, for listings without variant filters (the common case). */
  pMinPrice: Float64Array;
  pMaxPrice: Float64Array;
  /** -1 when no variant has a compare-at price. */
  pMaxCompareAt: Float64Array;
  /** Distinct size / family ordinals of product i: pSizeList[pSizeStart[i] .. pSizeStart[i+1]-1]. */
  pSizeStart: Int32Array;
  pSizeList: Int32Array;
  pFamilyStart: Int32Array;
  pFamilyList: Int32Array;

  // Per variant.
  vProduct: Int32Array;
  vSize: Int32Array;
  vFamily: Int32Array;
  /** Effective prices (minor units; Float64 because MAX_MINOR exceeds int32). */
  vPrice: Float64Array;
  /** -1 when the variant has no compare-at price. */
  vCompareAt: Float64Array;
  vAvailable: Int32Array;
  variantOrdinal: Map<string, number>;

  /** Active products by slug, including those without variants (detail pages). */
  productBySlug: Map<string, ProductRow>;
  /** Reused per listing call (listing is synchronous), so a request allocates almost nothing. */
  scratch: Scratch;
}

export interface Scratch {
  matched: Int32Array;
  matchedPrice: Float64Array;
  matchedCompareAt: Float64Array;
  categoryCount: Int32Array;
  brandCount: Int32Array;
  sizeCount: Int32Array;
  familyCount: Int32Array;
  heelCount: Int32Array;
  /** Last product (ordinal + 1) counted per size / family, to count each product once. */
  sizeSeen: Int32Array;
  familySeen: Int32Array;
  categorySel: Uint8Array;
  brandSel: Uint8Array;
  sizeSel: Uint8Array;
  familySel: Uint8Array;
  heelSel: Uint8Array;
}

/** Derives the listing index from the source. Pure; about a millisecond per few thousand variants. */
export function buildIndex(source: CatalogSource): CatalogIndex {
  const categories = [...source.categories.values()].sort(
    (a, b) => a.position - b.position || byText(foldText(a.name), foldText(b.name)) || byText(a.slug, b.slug),
  );
  const brands = [...source.brands.values()].sort(
    (a, b) => byText(foldText(a.name), foldText(b.name)) || byText(a.slug, b.slug),
  );
  const categoryOrd = new Map(categories.map((c, i) => [c.id, i]));
  const brandOrd = new Map(brands.map((b, i) => [b.id, i]));

  // Listed products and their usable variants (colour known), in id order.
  const listed: { product: ProductRow; variants: VariantRow[] }[] = [];
  const productBySlug = new Map<string, ProductRow>();
  for (const product of source.products.values()) {
    if (!categoryOrd.has(product.categoryId) || !brandOrd.has(product.brandId)) continue;
    productBySlug.set(product.slug, product);
    const variants = (source.variants.get(product.id) ?? []).filter((v) => source.colours.has(v.colourId));
    if (variants.length > 0) listed.push({ product, variants });
  }
  listed.sort((a, b) => byText(a.product.id, b.product.id));

  const sizeSet = new Set<number>();
  const familySet = new Set<string>();
  let variantCount = 0;
  for (const { variants } of listed) {
    variantCount += variants.length;
    for (const v of variants) {
      sizeSet.add(v.sizeEuTenths);
      familySet.add(source.colours.get(v.colourId)!.family.toLowerCase());
    }
  }
  const sizeTenths = [...sizeSet].sort((a, b) => a - b);
  const families = [...familySet].sort(byText);
  const sizeByTenths = new Map(sizeTenths.map((s, i) => [s, i]));
  const familyByName = new Map(families.map((f, i) => [f, i]));

  const n = listed.length;
  const productIds: string[] = new Array(n);
  const productCategory = new Int32Array(n);
  const productBrand = new Int32Array(n);
  const productHeel = new Uint8Array(n);
  const search: string[] = new Array(n);
  const cards: CardStatic[] = new Array(n);
  const sizesInStock: number[][] = new Array(n);
  const inStock = new Uint8Array(n);
  const vStart = new Int32Array(n + 1);
  const vProduct = new Int32Array(variantCount);
  const vSize = new Int32Array(variantCount);
  const vFamily = new Int32Array(variantCount);
  const vPrice = new Float64Array(variantCount);
  const vCompareAt = new Float64Array(variantCount);
  const pMinPrice = new Float64Array(n);
  const pMaxPrice = new Float64Array(n);
  const pMaxCompareAt = new Float64Array(n);
  const pSizeStart = new Int32Array(n + 1);
  const pFamilyStart = new Int32Array(n + 1);
  const pSizes: number[] = [];
  const pFamilies: number[] = [];
  const vAvailable = new Int32Array(variantCount);
  const variantOrdinal = new Map<string, number>();
  const categoryProducts = new Int32Array(categories.length);
  const brandProducts = new Int32Array(brands.length);
  const sizeProducts = new Int32Array(sizeTenths.length);
  const familyProducts = new Int32Array(families.length);
  const heelProducts = new Int32Array(heelBands.length);
  const sizeSeen = new Int32Array(sizeTenths.length);
  const familySeen = new Int32Array(families.length);

  let v = 0;
  for (let i = 0; i < n; i++) {
    const { product, variants } = listed[i]!;
    const category = categories[categoryOrd.get(product.categoryId)!]!;
    const brand = brands[brandOrd.get(product.brandId)!]!;
    const band = heelBandOf(product.heelHeightMm);
    productIds[i] = product.id;
    productCategory[i] = categoryOrd.get(product.categoryId)!;
    productBrand[i] = brandOrd.get(product.brandId)!;
    productHeel[i] = heelBands.indexOf(band);
    categoryProducts[productCategory[i]!]!++;
    brandProducts[productBrand[i]!]!++;
    heelProducts[productHeel[i]!]!++;

    vStart[i] = v;
    pSizeStart[i] = pSizes.length;
    pFamilyStart[i] = pFamilies.length;
    pMinPrice[i] = Number.POSITIVE_INFINITY;
    pMaxPrice[i] = Number.NEGATIVE_INFINITY;
    pMaxCompareAt[i] = -1;
    const colourRows = new Map<string, ColourRow>();
    for (const variant of variants) {
      const colour = source.colours.get(variant.colourId)!;
      colourRows.set(colour.id, colour);
      const sizeOrd = sizeByTenths.get(variant.sizeEuTenths)!;
      const familyOrd = familyByName.get(colour.family.toLowerCase())!;
      vProduct[v] = i;
      vSize[v] = sizeOrd;
      vFamily[v] = familyOrd;
      vPrice[v] = variant.priceMinor ?? product.basePriceMinor;
      vCompareAt[v] = variant.compareAtMinor ?? -1;
      vAvailable[v] = Math.max(0, source.available.get(variant.id) ?? 0);
      variantOrdinal.set(variant.id, v);
      pMinPrice[i] = Math.min(pMinPrice[i]!, vPrice[v]!);
      pMaxPrice[i] = Math.max(pMaxPrice[i]!, vPrice[v]!);
      pMaxCompareAt[i] = Math.max(pMaxCompareAt[i]!, vCompareAt[v]!);
      if (sizeSeen[sizeOrd] !== i + 1) {
        sizeSeen[sizeOrd] = i + 1;
        sizeProducts[sizeOrd]!++;
        pSizes.push(sizeOrd);
      }
      if (familySeen[familyOrd] !== i + 1) {
        familySeen[familyOrd] = i + 1;
        familyProducts[familyOrd]!++;
        pFamilies.push(familyOrd);
      }
      v++;
    }
    const colours = [...colourRows.values()].sort(compareColours);
    search[i] = foldText([product.name, brand.name, category.name, ...colours.map((c) => c.name)].join('\n'));
    cards[i] = {
      id: product.id,
      slug: product.slug,
      name: product.name,
      brand: { slug: brand.slug, name: brand.name },
      category: { slug: category.slug, name: category.name },
      heelBand: band,
      heelHeightMm: product.heelHeightMm,
      currency: product.currency,
      colours: colours.map(colourView),
      imageUrl: cardImageUrl(source.images.get(product.id)),
    };
  }
  vStart[n] = v;
  pSizeStart[n] = pSizes.length;
  pFamilyStart[n] = pFamilies.length;

  const index: CatalogIndex = {
    categories,
    categoryBySlug: new Map(categories.map((c, i) => [c.slug, i])),
    brands,
    brandBySlug: new Map(brands.map((b, i) => [b.slug, i])),
    sizes: sizeTenths.map((t) => t / 10),
    sizeByTenths,
    families,
    familyByName,
    categoryProducts,
    brandProducts,
    sizeProducts,
    familyProducts,
    heelProducts,
    n,
    productIds,
    productCategory,
    productBrand,
    productHeel,
    search,
    cards,
    sizesInStock,
    inStock,
    byPopularity: sortedOrdinals(n, (a, b) => listed[b]!.product.popularity - listed[a]!.product.popularity),
    byNew: sortedOrdinals(n, (a, b) => listed[b]!.product.createdAt - listed[a]!.product.createdAt),
    vStart,
    pMinPrice,
    pMaxPrice,
    pMaxCompareAt,
    pSizeStart,
    pSizeList: Int32Array.from(pSizes),
    pFamilyStart,
    pFamilyList: Int32Array.from(pFamilies),
    vProduct,
    vSize,
    vFamily,
    vPrice,
    vCompareAt,
    vAvailable,
    variantOrdinal,
    productBySlug,
    scratch: {
      matched: new Int32Array(n),
      matchedPrice: new Float64Array(n),
      matchedCompareAt: new Float64Array(n),
      categoryCount: new Int32Array(categories.length),
      brandCount: new Int32Array(brands.length),
      sizeCount: new Int32Array(sizeTenths.length),
      familyCount: new Int32Array(families.length),
      heelCount: new Int32Array(heelBands.length),
      sizeSeen,
      familySeen,
      categorySel: new Uint8Array(categories.length),
      brandSel: new Uint8Array(brands.length),
      sizeSel: new Uint8Array(sizeTenths.length),
      familySel: new Uint8Array(families.length),
      heelSel: new Uint8Array(heelBands.length),
    },
  };
  for (let i = 0; i < n; i++) refreshStock(index, i);
  return index;
}

function sortedOrdinals(n: number, compare: (a: number, b: number) => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => compare(a, b) || a - b);
}
