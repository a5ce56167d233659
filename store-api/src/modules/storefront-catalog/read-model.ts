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
 * Gaps (handled by the shared follower, lib/change-feed.ts). On MySQL an autoincrement value is taken when a row is inserted, not when it commits, so a
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
import { type Change, ChangeFollower } from '../../lib/change-feed.ts';
import { buildIndex, type CatalogIndex } from './catalog-index.ts';
import {
  type BrandRow,
  byText,
  type CatalogSource,
  type CategoryRow,
  type ColourRow,
  emptySource,
  type ImageRow,
  type ProductRow,
  pushTo,
  type VariantRow,
} from './catalog-source.ts';
import { patchAvailability } from './stock-patch.ts';

// The model's parts live in their own files; importers keep using this module as the entry point.
export { buildIndex, type CatalogIndex, type Scratch } from './catalog-index.ts';
export {
  type BrandRow,
  type CatalogSource,
  type CategoryRow,
  type ColourRow,
  emptySource,
  type ImageRow,
  type ProductRow,
  pushTo,
  type VariantRow,
} from './catalog-source.ts';
export {
  type CardStatic,
  cardImageUrl,
  colourView,
  compareColours,
  type HeelBandName,
} from './product-card.ts';
export { patchAvailability } from './stock-patch.ts';

// Following the change log -------------------------------------------------------------------------

/** A change the model follows (lib/change-feed.ts). */
export type ChangeRow = Change;

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

export { CHANGE_BATCH_LIMIT, GAP_TTL_MS, MAX_GAPS } from '../../lib/change-feed.ts';

export class CatalogReadModel {
  /** Goes up with every applied change batch (gap fills included). */
  version = 0;
  source: CatalogSource = emptySource();
  index: CatalogIndex = buildIndex(emptySource());
  /** The model's place in the change feed: the position and the gaps below it. */
  private readonly feed: ChangeFollower;
  readonly stats = { changeQueries: 0, fullLoads: 0, rebuilds: 0, stockPatches: 0 };

  private loaded = false;
  /** The catch-up whose query has started. */
  private running: Promise<void> | null = null;
  /** The next catch-up, not started yet: newcomers may join it. */
  private pending: Promise<void> | null = null;

  constructor(
    private readonly loader: CatalogLoader,
    options: ReadModelOptions = {},
  ) {
    this.feed = new ChangeFollower((after, gaps, limit) => loader.changes(after, gaps, limit), options);
  }

  /** Highest change seq applied. */
  get seq(): number {
    return this.feed.seq;
  }

  /** Missing seq numbers below `seq` -> when first seen missing. */
  get gaps(): ReadonlyMap<number, number> {
    return this.feed.gaps;
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
    this.stats.changeQueries++;
    const batch = await this.feed.poll();
    if (!batch) return this.fullLoad();
    if (batch.changes.length > 0) await this.apply(batch.changes);
    batch.commit();
    if (batch.moved) this.version++;
  }

  private async fullLoad(): Promise<void> {
    const { source, seq, missing } = await this.loader.loadAll();
    this.stats.fullLoads++;
    this.source = source;
    this.index = buildIndex(source);
    this.feed.reset(seq, missing);
    this.loaded = true;
    this.version++;
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
