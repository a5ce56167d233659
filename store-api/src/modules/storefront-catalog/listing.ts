/**
 * Pure listing, facets, sorting and detail views over the catalog read model. No I/O.
 *
 * Matching rules (sql-listing.ts implements the same in SQL; a property test keeps them equal):
 * - product filters: category, brand, heel band (value lists, OR within a list), and the text
 *   query (every word must occur in the product's name, brand, category or colour names).
 * - variant filters: size, colour family, price range, inStock. A product matches when ONE of its
 *   active variants satisfies all of them together; its card shows the lowest price and the
 *   highest compare-at among those variants.
 * - facets are disjunctive: each facet's counts apply every filter except its own. Counts are
 *   products. `price` is the min/max variant price with every filter but the price range.
 */
import { heelBandOf, heelBands, sizeLabels } from '@shoebox/shared';
import type {
  StoreBrandList,
  StoreCategoryList,
  StoreFacetValue,
  StoreProductCard,
  StoreProductDetail,
  StoreProductList,
  StoreProductListQuery,
  StoreVariant,
} from '@shoebox/shared/contracts';
import { imageUrls } from '@shoebox/shared/contracts';
import {
  type CatalogIndex,
  type CatalogSource,
  type ColourRow,
  colourView,
  compareColours,
  type HeelBandName,
} from './read-model.ts';
import { queryTokens } from './search-text.ts';

export type ListingQuery = StoreProductListQuery;
export type Listing = Omit<StoreProductList, 'seq'>;

export const heelBandLabels: Record<HeelBandName, string> = {
  flat: 'Flat (under 2.5 cm)',
  low: 'Low (2.5 to 5 cm)',
  mid: 'Mid (5 to 8 cm)',
  high: 'High (over 8 cm)',
};

export const sizeFacetLabel = (eu: number): string => {
  const l = sizeLabels(eu);
  return l.us ? `EU ${l.eu} / US ${l.us} / UK ${l.uk}` : `EU ${l.eu}`;
};

export const familyLabel = (family: string): string =>
  family.length === 0 ? family : family[0]!.toUpperCase() + family.slice(1).replace(/_/g, ' ');

/**
 * Marks the selected ordinals. Returns false when the filter is absent (matches everything);
 * a filter whose values are all unknown selects nothing and so matches nothing.
 */
function select<T>(values: readonly T[] | undefined, sel: Uint8Array, lookup: (v: T) => number | undefined) {
  sel.fill(0);
  if (!values || values.length === 0) return false;
  for (const value of values) {
    const ord = lookup(value);
    if (ord !== undefined) sel[ord] = 1;
  }
  return true;
}

/** One pass over the listed products: items, total and all facet counts. */
export function listProducts(index: CatalogIndex, query: ListingQuery): Listing {
  const s = index.scratch;
  const hasCategory = select(query.category, s.categorySel, (slug) => index.categoryBySlug.get(slug));
  const hasBrand = select(query.brand, s.brandSel, (slug) => index.brandBySlug.get(slug));
  const hasHeel = select(query.heel, s.heelSel, (band) => heelBands.indexOf(band));
  const hasSize = select(query.size, s.sizeSel, (eu) => index.sizeByTenths.get(Math.round(eu * 10)));
  const hasFamily = select(query.colour, s.familySel, (f) => index.familyByName.get(f));
  const minPrice = query.minPrice ?? 0;
  const maxPrice = query.maxPrice ?? Number.POSITIVE_INFINITY;
  const inStockOnly = query.inStock === true;
  const variantFilters =
    hasSize || hasFamily || query.minPrice !== undefined || query.maxPrice !== undefined || inStockOnly;
  const tokens = queryTokens(query.q);

  const { categorySel, brandSel, heelSel, sizeSel, familySel, sizeSeen, familySeen } = s;
  const { categoryCount, brandCount, heelCount, sizeCount, familyCount } = s;
  categoryCount.fill(0);
  brandCount.fill(0);
  heelCount.fill(0);
  sizeCount.fill(0);
  familyCount.fill(0);
  sizeSeen.fill(0);
  familySeen.fill(0);
  const { matched, matchedPrice, matchedCompareAt } = s;
  const { productCategory, productBrand, productHeel, search, vStart, vSize, vFamily, vPrice, vCompareAt } =
    index;
  const {
    vAvailable,
    pMinPrice,
    pMaxPrice,
    pMaxCompareAt,
    pSizeStart,
    pSizeList,
    pFamilyStart,
    pFamilyList,
  } = index;
  let total = 0;
  let priceMin = Number.POSITIVE_INFINITY;
  let priceMax = Number.NEGATIVE_INFINITY;

  // Price sorts re-sort the matches below, so they scan in id order.
  const order = query.sort === 'new' ? index.byNew : query.sort === 'popularity' ? index.byPopularity : null;
  for (let k = 0, n = index.n; k < n; k++) {
    const i = order ? order[k]! : k;
    const categoryOk = !hasCategory || categorySel[productCategory[i]!] === 1;
    const brandOk = !hasBrand || brandSel[productBrand[i]!] === 1;
    const heelOk = !hasHeel || heelSel[productHeel[i]!] === 1;
    const fails = (categoryOk ? 0 : 1) + (brandOk ? 0 : 1) + (heelOk ? 0 : 1);
    if (fails > 1) continue;
    if (tokens.length > 0) {
      const text = search[i]!;
      let all = true;
      for (const token of tokens) {
        if (!text.includes(token)) {
          all = false;
          break;
        }
      }
      if (!all) continue;
    }

    let found = false;
    let bestPrice = 0;
    let bestCompareAt = -1;
    if (!variantFilters) {
      // Every variant matches: use the per-product figures instead of scanning variants.
      found = true;
      bestPrice = pMinPrice[i]!;
      bestCompareAt = pMaxCompareAt[i]!;
      if (fails === 0) {
        for (let x = pSizeStart[i]!, end = pSizeStart[i + 1]!; x < end; x++) sizeCount[pSizeList[x]!]!++;
        for (let x = pFamilyStart[i]!, end = pFamilyStart[i + 1]!; x < end; x++)
          familyCount[pFamilyList[x]!]!++;
        if (bestPrice < priceMin) priceMin = bestPrice;
        if (pMaxPrice[i]! > priceMax) priceMax = pMaxPrice[i]!;
      }
    } else {
      // One variant must satisfy every variant filter; facets need the near-misses too.
      const seenMark = i + 1;
      for (let v = vStart[i]!, end = vStart[i + 1]!; v < end; v++) {
        const sizeOk = !hasSize || sizeSel[vSize[v]!] === 1;
        const familyOk = !hasFamily || familySel[vFamily[v]!] === 1;
        const price = vPrice[v]!;
        const priceOk = price >= minPrice && price <= maxPrice;
        const stockOk = !inStockOnly || vAvailable[v]! > 0;
        if (sizeOk && familyOk && priceOk && stockOk) {
          if (!found || price < bestPrice) bestPrice = price;
          if (vCompareAt[v]! > bestCompareAt) bestCompareAt = vCompareAt[v]!;
          found = true;
        }
        if (fails === 0) {
          if (familyOk && priceOk && stockOk) {
            const size = vSize[v]!;
            if (sizeSeen[size] !== seenMark) {
              sizeSeen[size] = seenMark;
              sizeCount[size]!++;
            }
          }
          if (sizeOk && priceOk && stockOk) {
            const family = vFamily[v]!;
            if (familySeen[family] !== seenMark) {
              familySeen[family] = seenMark;
              familyCount[family]!++;
            }
          }
          if (sizeOk && familyOk && stockOk) {
            if (price < priceMin) priceMin = price;
            if (price > priceMax) priceMax = price;
          }
        }
      }
    }
    if (!found) continue;
    if (fails === 0) {
      categoryCount[productCategory[i]!]!++;
      brandCount[productBrand[i]!]!++;
      heelCount[productHeel[i]!]!++;
      matched[total] = i;
      matchedPrice[total] = bestPrice;
      matchedCompareAt[total] = bestCompareAt;
      total++;
    } else if (!categoryOk) categoryCount[productCategory[i]!]!++;
    else if (!brandOk) brandCount[productBrand[i]!]!++;
    else heelCount[productHeel[i]!]!++;
  }

  // Page of positions into `matched`.
  const start = (query.page - 1) * query.pageSize;
  const end = Math.min(total, start + query.pageSize);
  let positions: ArrayLike<number>;
  if (start >= end) positions = [];
  else if (query.sort === 'price_asc' || query.sort === 'price_desc') {
    const byPrice = Int32Array.from({ length: total }, (_, k) => k);
    const sign = query.sort === 'price_asc' ? 1 : -1;
    byPrice.sort((a, b) => sign * (matchedPrice[a]! - matchedPrice[b]!) || matched[a]! - matched[b]!);
    positions = byPrice.subarray(start, end);
  } else positions = Int32Array.from({ length: end - start }, (_, k) => start + k);

  const items: StoreProductCard[] = new Array(positions.length);
  for (let k = 0; k < positions.length; k++) {
    const at = positions[k]!;
    const i = matched[at]!;
    const card = index.cards[i]!;
    const price = matchedPrice[at]!;
    const compareAt = matchedCompareAt[at]!;
    items[k] = {
      id: card.id,
      slug: card.slug,
      name: card.name,
      brand: card.brand,
      category: card.category,
      heelBand: card.heelBand,
      heelHeightMm: card.heelHeightMm,
      priceMinor: price,
      compareAtMinor: compareAt > price ? compareAt : null,
      currency: card.currency,
      colours: card.colours,
      sizesInStock: index.sizesInStock[i]!,
      inStock: index.inStock[i] === 1,
      imageUrl: card.imageUrl,
    };
  }

  return {
    items,
    page: query.page,
    pageSize: query.pageSize,
    total,
    facets: {
      category: facet(
        index.categoryProducts,
        categoryCount,
        (k) => index.categories[k]!.slug,
        (k) => index.categories[k]!.name,
      ),
      brand: facet(
        index.brandProducts,
        brandCount,
        (k) => index.brands[k]!.slug,
        (k) => index.brands[k]!.name,
      ),
      size: facet(
        index.sizeProducts,
        sizeCount,
        (k) => String(index.sizes[k]!),
        (k) => sizeFacetLabel(index.sizes[k]!),
      ),
      colour: facet(
        index.familyProducts,
        familyCount,
        (k) => index.families[k]!,
        (k) => familyLabel(index.families[k]!),
      ),
      heel: facet(
        index.heelProducts,
        heelCount,
        (k) => heelBands[k]!,
        (k) => heelBandLabels[heelBands[k]!],
      ),
      price: priceMin <= priceMax ? { min: priceMin, max: priceMax } : { min: null, max: null },
    },
  };
}

/** Every value present in the listed catalog, in dictionary order, with its count. */
function facet(
  universe: Int32Array,
  counts: Int32Array,
  value: (k: number) => string,
  label: (k: number) => string,
): StoreFacetValue[] {
  const out: StoreFacetValue[] = [];
  for (let k = 0; k < universe.length; k++) {
    if (universe[k]! > 0) out.push({ value: value(k), label: label(k), count: counts[k]! });
  }
  return out;
}

const widthOrder: Record<string, number> = { narrow: 0, standard: 1, wide: 2, extra_wide: 3 };

/** The product page, or null when no active product has this slug. */
export function productDetail(
  source: CatalogSource,
  index: CatalogIndex,
  slug: string,
): StoreProductDetail | null {
  const product = index.productBySlug.get(slug);
  if (!product) return null;
  const brand = source.brands.get(product.brandId)!;
  const category = source.categories.get(product.categoryId)!;
  const chart = brand.sizeChart ?? undefined;

  const byColour = new Map<string, { colour: ColourRow; variants: StoreVariant[] }>();
  let minPrice = Number.POSITIVE_INFINITY;
  let inStock = false;
  const variants = [...(source.variants.get(product.id) ?? [])].sort(
    (a, b) => a.sizeEuTenths - b.sizeEuTenths || (widthOrder[a.width] ?? 9) - (widthOrder[b.width] ?? 9),
  );
  for (const v of variants) {
    const colour = source.colours.get(v.colourId);
    if (!colour) continue;
    let group = byColour.get(colour.id);
    if (!group) {
      group = { colour, variants: [] };
      byColour.set(colour.id, group);
    }
    const price = v.priceMinor ?? product.basePriceMinor;
    const available = Math.max(0, source.available.get(v.id) ?? 0);
    const sizeEu = v.sizeEuTenths / 10;
    minPrice = Math.min(minPrice, price);
    inStock ||= available > 0;
    group.variants.push({
      id: v.id,
      sku: v.sku,
      gtin: v.gtin,
      sizeEu,
      sizeLabels: sizeLabels(sizeEu, chart),
      width: v.width as StoreVariant['width'],
      priceMinor: price,
      compareAtMinor: v.compareAtMinor !== null && v.compareAtMinor > price ? v.compareAtMinor : null,
      available,
      inStock: available > 0,
    });
  }
  const colours = [...byColour.values()]
    .sort((a, b) => compareColours(a.colour, b.colour))
    .map((g) => ({ ...colourView(g.colour), variants: g.variants }));

  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    description: product.description,
    material: product.material,
    brand: { slug: brand.slug, name: brand.name },
    category: { slug: category.slug, name: category.name },
    heelBand: heelBandOf(product.heelHeightMm),
    heelHeightMm: product.heelHeightMm,
    tags: product.tags,
    currency: product.currency,
    priceMinor: Number.isFinite(minPrice) ? minPrice : product.basePriceMinor,
    inStock,
    images: (source.images.get(product.id) ?? []).map((img) => ({
      id: img.id,
      alt: img.alt,
      width: img.width,
      height: img.height,
      urls: imageUrls(img.id, img.width),
    })),
    colours,
  };
}

export function categoryList(index: CatalogIndex): StoreCategoryList {
  return index.categories.map((c, k) => ({
    slug: c.slug,
    name: c.name,
    position: c.position,
    productCount: index.categoryProducts[k]!,
  }));
}

export function brandList(index: CatalogIndex): StoreBrandList {
  return index.brands.map((b, k) => ({ slug: b.slug, name: b.name, productCount: index.brandProducts[k]! }));
}
