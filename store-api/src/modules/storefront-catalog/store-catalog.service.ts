import { createHash } from 'node:crypto';
import type { Store } from '../../db/client.ts';
import { isDatabaseUnavailable } from '../../db/unavailable.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { brandList, categoryList, type ListingQuery, listProducts, productDetail } from './listing.ts';
import { CatalogReadModel, type CatalogLoader, type ReadModelOptions } from './read-model.ts';
import { createCatalogLoader } from './read-model.loader.ts';
import { feedCsv, feedItems, feedXml } from './product-feed.ts';
import { queryTokens } from './search-text.ts';
import { storeCatalogErrors } from './store-catalog.errors.ts';
import { sitemapPaths } from './sitemap.ts';

/** A response serialised once: the bytes and their strong ETag. */
export interface CachedBody {
  body: Buffer;
  etag: string;
}

/** Least recently used cache of serialised answers, each valid for one model version. */
class ResponseCache {
  private readonly entries = new Map<string, CachedBody & { version: number }>();
  constructor(private readonly max: number) {}

  get(key: string, version: number, build: () => unknown): CachedBody {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const body = Buffer.from(JSON.stringify(build()));
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const entry = { body, etag, version };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}

const sortedUnique = <T extends string | number>(list: readonly T[] | undefined): T[] =>
  [...new Set(list ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Two queries that must give the same answer get the same key (order of values, spelling of q). */
export function listingKey(q: ListingQuery): string {
  return JSON.stringify([
    sortedUnique(q.category),
    sortedUnique(q.brand),
    sortedUnique(q.size),
    sortedUnique(q.colour),
    sortedUnique(q.heel),
    q.minPrice ?? null,
    q.maxPrice ?? null,
    q.inStock === true,
    queryTokens(q.q),
    q.sort,
    q.page,
    q.pageSize,
  ]);
}

export interface StoreCatalogOptions extends ReadModelOptions {
  loader?: CatalogLoader;
  cacheEntries?: number;
  /** The shop's public address, for the product feed's links (default the dev server's). */
  shopUrl?: string;
}

export type FeedFormat = 'xml' | 'csv';

/** A serialised answer with its strong ETag. */
function cachedBody(text: string): CachedBody {
  const body = Buffer.from(text);
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/**
 * The public catalog: answers come from the in-process read model, caught up with the change log
 * before each answer, serialised once per (query, model version).
 */
export function createStoreCatalogService(store: Store, options: StoreCatalogOptions = {}) {
  const model = new CatalogReadModel(options.loader ?? createCatalogLoader(store), options);
  const cache = new ResponseCache(options.cacheEntries ?? 500);
  const shopUrl = options.shopUrl ?? 'http://localhost:5173';
  // Each feed is built once per model version: a catalog or stock change makes the next one new.
  const feeds = new Map<FeedFormat, CachedBody & { version: number }>();
  let databaseDownUntil = 0;

  /**
   * Catches the model up; while the database cannot be reached, a loaded model answers as it is
   * (the last state it saw) rather than refusing shoppers, and retries the catch-up each second.
   */
  async function fresh(): Promise<void> {
    if (model.version > 0 && Date.now() < databaseDownUntil) return;
    try {
      await model.fresh();
      databaseDownUntil = 0;
    } catch (e) {
      if (model.version === 0 || !isDatabaseUnavailable(e)) throw e;
      databaseDownUntil = Date.now() + 1000;
    }
  }

  return {
    model,

    async listProducts(_ctx: RequestContext, query: ListingQuery): Promise<CachedBody> {
      await fresh();
      return cache.get(`l${listingKey(query)}`, model.version, () => ({
        ...listProducts(model.index, query),
        seq: model.seq,
      }));
    },

    async productDetail(_ctx: RequestContext, slug: string): Promise<CachedBody> {
      await fresh();
      if (!model.index.productBySlug.has(slug)) throw storeCatalogErrors.productNotFound();
      return cache.get(`d${slug}`, model.version, () => productDetail(model.source, model.index, slug));
    },

    async categories(_ctx: RequestContext): Promise<CachedBody> {
      await fresh();
      return cache.get('categories', model.version, () => categoryList(model.index));
    },

    /** The product feed (every active size) as CSV or XML, rebuilt only when the model moved on. */
    async productFeed(_ctx: RequestContext, format: FeedFormat): Promise<CachedBody> {
      await fresh();
      const hit = feeds.get(format);
      if (hit && hit.version === model.version) return hit;
      const items = feedItems(model.source, shopUrl);
      const built = {
        ...cachedBody(format === 'xml' ? feedXml(items, shopUrl) : feedCsv(items)),
        version: model.version,
      };
      feeds.set(format, built);
      return built;
    },

    /** The storefront's indexable paths (sitemap.xml), from the same read model as the listings. */
    async sitemapPaths(_ctx: RequestContext): Promise<string[]> {
      await fresh();
      return sitemapPaths(model.index);
    },

    async brands(_ctx: RequestContext): Promise<CachedBody> {
      await fresh();
      return cache.get('brands', model.version, () => brandList(model.index));
    },
  };
}
export type StoreCatalogService = ReturnType<typeof createStoreCatalogService>;
