/**
 * The in-process catalog read model behind `/store/*`.
 *
 * Design note
 * -----------
 * Shape. `CatalogSource` holds the rows that matter to shoppers (active products, their active
 * variants, images, availability per variant, and the brand/category/colour dictionaries), loaded
 * from SQL in one pass at start (read-model.loader.ts: a handful of queries, no N+1).
 * `CatalogIndex` is derived from it for speed: products get dense ordinals in id order (so "tie-break
 * by id" is "tie-break by ordinal"), every per-product and per-variant attribute lives in a typed
 * array, each product's variants are contiguous (`vStart[i]..vStart[i+1]`), and each product keeps
 * its folded search text and a prebuilt card. A listing is then one linear pass over those arrays
 * (listing.ts) with no SQL and almost no allocation.
 *
 * Freshness. Every write touching catalog or stock appends `(seq, entity, id)` to `change_log` in
 * its own transaction. Before answering, a request calls `fresh()`, which runs one indexed query:
 *   SELECT seq, entity, entity_id FROM change_log WHERE seq > :last OR seq IN (:gaps) ORDER BY seq LIMIT 5000
 * and then reloads just the rows named (products with their variants, images and stock; variants
 * via their product; stock levels per variant; brands, categories, colours) in a few batched
 * queries, and patches the model. Stock-only changes are patched in place; anything else rebuilds the
 * index from the source (about a millisecond for 4,000 variants). Rows are re-read after the
 * change_log query, so they are at least as new as the changes they answer; re-reading is idempotent.
 * A write is therefore visible to the next request on every instance, including the writer's own.
 *
 * Coalescing. At most one catch-up runs at a time. A catch-up starts on setImmediate, so all the
 * requests parsed in one turn of the event loop share it. A request that arrives while a query is
 * already running waits for it and then for one follow-up run that all such requests share: the
 * running query may have started before that request's preceding write committed, so joining it
 * alone would not be enough. 50 concurrent requests cost one or two queries, not 50.
 *
 * Gaps. On MySQL an autoincrement value is taken when a row is inserted, not when it commits, so a
 * transaction can make seq 41 visible before seq 40. When a catch-up sees seq numbers jump (40
 * missing below a visible 41) it remembers the missing ones as gaps with the time first seen, and
 * every later catch-up re-asks for them in the same query (`OR seq IN (...)`). A gap that shows up
 * is applied like any change; one still missing after GAP_TTL_MS (10 s) is forgotten: a rolled back
 * transaction leaves a permanent hole. The same applies after a full load (the holes among the last
 * 1,000 sequence numbers become gaps). SQLite commits one writer at a time, so it never has gaps
 * that later fill, and the mechanism is idle there. At most MAX_GAPS are tracked (oldest dropped).
 *
 * Backlog. A catch-up that finds a full batch (5,000 rows) behind reloads everything instead.
 * The model `version` goes up with every applied batch (gap fills included, which do not move
 * `seq`), and the response cache is keyed by it.
 */
import { heelBandOf, heelBands, type SizeChart } from '@shoebox/shared';
import { imageFilePath, renditionWidthsFor, type StoreColour } from '@shoebox/shared/contracts';
import { foldText } from './search-text.ts';

// Source rows ----------------------------------------------------------------------------------

export interface BrandRow {
  id: string;
  name: string;
  slug: string;
  sizeChart: SizeChart | null;
}
export interface CategoryRow {
  id: string;
  name: string;
  slug: string;
  position: number;
}
export interface ColourRow {
  id: string;
  name: string;
  code: string;
  family: string;
  swatchHex: string;
}
export interface ProductRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  brandId: string;
  categoryId: string;
  material: string;
  heelHeightMm: number;
  basePriceMinor: number;
  currency: string;
  tags: string[];
  popularity: number;
  createdAt: number;
}
export interface VariantRow {
  id: string;
  productId: string;
  colourId: string;
  sizeEuTenths: number;
  width: string;
  sku: string;
  priceMinor: number | null;
  compareAtMinor: number | null;
}
export interface ImageRow {
  id: string;
  productId: string;
  position: number;
  alt: string;
  width: number;
  height: number;
}

/** What the store may show, as loaded from SQL. Only active products and their active variants. */
export interface CatalogSource {
  brands: Map<string, BrandRow>;
  categories: Map<string, CategoryRow>;
  colours: Map<string, ColourRow>;
  products: Map<string, ProductRow>;
  /** Active variants by product id. */
  variants: Map<string, VariantRow[]>;
  /** Images by product id, by position. */
  images: Map<string, ImageRow[]>;
  /** Available pairs by variant id: sum over locations of on_hand - reserved, never below 0. Absent = 0. */
  available: Map<string, number>;
}

export const emptySource = (): CatalogSource => ({
  brands: new Map(),
  categories: new Map(),
  colours: new Map(),
  products: new Map(),
  variants: new Map(),
  images: new Map(),
  available: new Map(),
});

/** Appends `value` to the list under `key`, creating the list on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Index ------------------------------------------------------------------------------------------

export type HeelBandName = (typeof heelBands)[number];

/** The parts of a product card that do not depend on the query. */
export interface CardStatic {
  id: string;
  slug: string;
  name: string;
  brand: { slug: string; name: string };
  category: { slug: string; name: string };
  heelBand: HeelBandName;
  heelHeightMm: number;
  currency: string;
  colours: StoreColour[];
  imageUrl: string | null;
}

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

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The card image: the first image's 640 px rendition, or the largest smaller one it has. */
export function cardImageUrl(images: readonly ImageRow[] | undefined): string | null {
  const first = images?.[0];
  if (!first) return null;
  const widths = renditionWidthsFor(first.width);
  let pick = widths[0]!;
  for (const w of widths) if (w <= 640) pick = w;
  return imageFilePath(first.id, pick);
}

export const colourView = (c: ColourRow): StoreColour => ({
  code: c.code,
  name: c.name,
  family: c.family,
  swatchHex: c.swatchHex,
});

/** Folded names, computed once per colour row (rows are replaced, never mutated, on change). */
const foldedNames = new WeakMap<ColourRow, string>();
const foldedName = (c: ColourRow): string => {
  let folded = foldedNames.get(c);
  if (folded === undefined) {
    folded = foldText(c.name);
    foldedNames.set(c, folded);
  }
  return folded;
};

export const compareColours = (a: ColourRow, b: ColourRow) =>
  byText(foldedName(a), foldedName(b)) || byText(a.code, b.code);

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

/** Recomputes a product's in-stock flag and in-stock sizes from its variants' availability. */
function refreshStock(index: CatalogIndex, i: number): void {
  const { vStart, vAvailable, vSize, sizes } = index;
  const inStock: number[] = [];
  for (let v = vStart[i]!, end = vStart[i + 1]!; v < end; v++) {
    if (vAvailable[v]! > 0 && !inStock.includes(vSize[v]!)) inStock.push(vSize[v]!);
  }
  index.sizesInStock[i] = inStock.sort((a, b) => a - b).map((s) => sizes[s]!);
  index.inStock[i] = inStock.length > 0 ? 1 : 0;
}

/**
 * Applies new availability figures in place (the common change: stock moves, nothing else).
 * Variants the source does not list (inactive, or of a product that is not active) are ignored.
 */
export function patchAvailability(
  source: CatalogSource,
  index: CatalogIndex,
  available: ReadonlyMap<string, number>,
): void {
  const touched = new Set<number>();
  for (const [variantId, amount] of available) {
    const v = index.variantOrdinal.get(variantId);
    if (v === undefined) continue;
    const value = Math.max(0, amount);
    source.available.set(variantId, value);
    index.vAvailable[v] = value;
    touched.add(index.vProduct[v]!);
  }
  for (const i of touched) refreshStock(index, i);
}

// Following the change log -------------------------------------------------------------------------

export interface ChangeRow {
  seq: number;
  entity: string;
  entityId: string;
}

/** Everything the store shows about some products, freshly read. */
export interface ProductBundle {
  /** The requested products that are active (others are gone from the store). */
  products: ProductRow[];
  /** Their active variants. */
  variants: VariantRow[];
  images: ImageRow[];
  available: Map<string, number>;
}

/** The SQL side of the model (read-model.loader.ts); a fake in unit tests. */
export interface CatalogLoader {
  /** Everything, plus the seq it is at least as new as and the missing seq numbers just below it. */
  loadAll(): Promise<{ source: CatalogSource; seq: number; missing: number[] }>;
  changes(after: number, gaps: readonly number[], limit: number): Promise<ChangeRow[]>;
  productIdsOfVariants(variantIds: readonly string[]): Promise<string[]>;
  products(ids: readonly string[]): Promise<ProductBundle>;
  availability(variantIds: readonly string[]): Promise<Map<string, number>>;
  brands(ids: readonly string[]): Promise<BrandRow[]>;
  categories(ids: readonly string[]): Promise<CategoryRow[]>;
  colours(ids: readonly string[]): Promise<ColourRow[]>;
}

export interface ReadModelOptions {
  now?: () => number;
  gapTtlMs?: number;
  batchLimit?: number;
  maxGaps?: number;
}

export const GAP_TTL_MS = 10_000;
export const CHANGE_BATCH_LIMIT = 5000;
export const MAX_GAPS = 1000;

export class CatalogReadModel {
  /** Highest change seq applied. */
  seq = 0;
  /** Goes up with every applied change batch (gap fills included). */
  version = 0;
  source: CatalogSource = emptySource();
  index: CatalogIndex = buildIndex(emptySource());
  /** Missing seq numbers below `seq` -> when first seen missing. */
  readonly gaps = new Map<number, number>();
  readonly stats = { changeQueries: 0, fullLoads: 0, rebuilds: 0, stockPatches: 0 };

  private loaded = false;
  /** The catch-up whose query has started. */
  private running: Promise<void> | null = null;
  /** The next catch-up, not started yet: newcomers may join it. */
  private pending: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly gapTtlMs: number;
  private readonly batchLimit: number;
  private readonly maxGaps: number;

  constructor(
    private readonly loader: CatalogLoader,
    options: ReadModelOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.gapTtlMs = options.gapTtlMs ?? GAP_TTL_MS;
    this.batchLimit = options.batchLimit ?? CHANGE_BATCH_LIMIT;
    this.maxGaps = options.maxGaps ?? MAX_GAPS;
  }

  /**
   * Resolves once the model reflects every change committed before the call (loading it first
   * if needed). A catch-up is scheduled with setImmediate, so every request parsed in the same
   * turn of the event loop joins it before its query starts; a request that arrives once the
   * query has started waits for the next one. Concurrent callers therefore share at most one
   * running and one pending catch-up.
   */
  fresh(): Promise<void> {
    if (this.pending) return this.pending;
    const previous = this.running;
    const next = (async () => {
      if (previous) await previous.catch(() => {});
      await new Promise<void>((resolve) => setImmediate(resolve));
      // From here on the query may already see too little for newcomers: they queue anew.
      this.pending = null;
      const run = this.catchUp();
      this.running = run;
      try {
        await run;
      } finally {
        if (this.running === run) this.running = null;
      }
    })();
    this.pending = next;
    return next;
  }

  private async catchUp(): Promise<void> {
    if (!this.loaded) return this.fullLoad();
    const gapList = [...this.gaps.keys()];
    this.stats.changeQueries++;
    const rows = await this.loader.changes(this.seq, gapList, this.batchLimit);
    const now = this.now();
    if (rows.length >= this.batchLimit) return this.fullLoad();

    // Work out the new position and gaps first; commit them only once the rows are applied.
    let seq = this.seq;
    const filled: number[] = [];
    const opened: number[] = [];
    for (const row of rows) {
      if (row.seq <= seq) {
        if (this.gaps.has(row.seq)) filled.push(row.seq);
        continue;
      }
      for (let missing = Math.max(seq + 1, row.seq - this.maxGaps); missing < row.seq; missing++)
        opened.push(missing);
      seq = row.seq;
    }
    const applicable = rows.filter((r) => r.seq > this.seq || this.gaps.has(r.seq));
    if (applicable.length > 0) await this.apply(applicable);

    for (const s of filled) this.gaps.delete(s);
    for (const [s, since] of this.gaps) if (now - since >= this.gapTtlMs) this.gaps.delete(s);
    for (const s of opened) this.gaps.set(s, now);
    this.trimGaps();
    if (seq !== this.seq || applicable.length > 0) {
      this.seq = seq;
      this.version++;
    }
  }

  private async fullLoad(): Promise<void> {
    const { source, seq, missing } = await this.loader.loadAll();
    this.stats.fullLoads++;
    this.source = source;
    this.index = buildIndex(source);
    this.seq = seq;
    this.gaps.clear();
    const now = this.now();
    for (const s of missing) this.gaps.set(s, now);
    this.trimGaps();
    this.loaded = true;
    this.version++;
  }

  private trimGaps(): void {
    if (this.gaps.size <= this.maxGaps) return;
    const sorted = [...this.gaps.keys()].sort((a, b) => a - b);
    for (const s of sorted.slice(0, sorted.length - this.maxGaps)) this.gaps.delete(s);
  }

  /** Re-reads the rows the changes name and patches the model. */
  private async apply(rows: readonly ChangeRow[]): Promise<void> {
    const ids = { product: new Set<string>(), variant: new Set<string>(), stock: new Set<string>() };
    const dictionaries = { brand: new Set<string>(), category: new Set<string>(), colour: new Set<string>() };
    for (const row of rows) {
      if (row.entity in ids) ids[row.entity as keyof typeof ids].add(row.entityId);
      else if (row.entity in dictionaries)
        dictionaries[row.entity as keyof typeof dictionaries].add(row.entityId);
    }
    const { source } = this;
    let structural = false;

    // A variant change reloads its whole product: the old and the new product when in doubt.
    const productIds = new Set(ids.product);
    if (ids.variant.size > 0) {
      for (const id of ids.variant) {
        const v = this.index.variantOrdinal.get(id);
        if (v !== undefined) productIds.add(this.index.productIds[this.index.vProduct[v]!]!);
      }
      for (const id of await this.loader.productIdsOfVariants([...ids.variant])) productIds.add(id);
    }
    if (productIds.size > 0) {
      const bundle = await this.loader.products([...productIds]);
      for (const id of productIds) {
        for (const old of source.variants.get(id) ?? []) source.available.delete(old.id);
        source.products.delete(id);
        source.variants.delete(id);
        source.images.delete(id);
      }
      for (const p of bundle.products) source.products.set(p.id, p);
      for (const v of bundle.variants) {
        if (!source.products.has(v.productId)) continue;
        pushTo(source.variants, v.productId, v);
        source.available.set(v.id, Math.max(0, bundle.available.get(v.id) ?? 0));
      }
      for (const image of bundle.images) {
        if (!source.products.has(image.productId)) continue;
        pushTo(source.images, image.productId, image);
      }
      for (const list of source.images.values())
        list.sort((a, b) => a.position - b.position || byText(a.id, b.id));
      structural = true;
    }

    const reloadDictionary = async <R extends { id: string }>(
      wanted: Set<string>,
      map: Map<string, R>,
      load: (ids: readonly string[]) => Promise<R[]>,
    ) => {
      if (wanted.size === 0) return;
      for (const id of wanted) map.delete(id);
      for (const row of await load([...wanted])) map.set(row.id, row);
      structural = true;
    };
    await reloadDictionary(dictionaries.brand, source.brands, (x) => this.loader.brands(x));
    await reloadDictionary(dictionaries.category, source.categories, (x) => this.loader.categories(x));
    await reloadDictionary(dictionaries.colour, source.colours, (x) => this.loader.colours(x));

    // Stock of variants whose product was not reloaded anyway.
    const stockIds = [...ids.stock].filter((id) => {
      const v = this.index.variantOrdinal.get(id);
      return v !== undefined && !productIds.has(this.index.productIds[this.index.vProduct[v]!]!);
    });
    const available = stockIds.length > 0 ? await this.loader.availability(stockIds) : null;

    if (structural) {
      if (available) for (const [id, n] of available) source.available.set(id, Math.max(0, n));
      this.index = buildIndex(source);
      this.stats.rebuilds++;
    } else if (available) {
      patchAvailability(source, this.index, available);
      this.stats.stockPatches++;
    }
  }
}
