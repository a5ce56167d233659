/**
 * The reference implementation of the store listing, straight in SQL (joins and GROUP BY), used
 * only by tests to prove the read model (listing.ts) gives the same items, totals and facet counts.
 * Same rules as listing.ts. One difference by nature: the text query uses LIKE, which folds case
 * (and, on MySQL, accents) only as far as the database collation does, so the property test
 * searches ASCII words.
 */
import { heelBandRange, heelBands } from '@shoebox/shared';
import { and, asc, countDistinct, desc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Store } from '../../db/client.ts';
import type { ListingQuery } from './listing.ts';
import { queryTokens } from './search-text.ts';

type Facet = 'category' | 'brand' | 'heel' | 'size' | 'colour' | 'price';

export interface SqlListing {
  items: { id: string; priceMinor: number; compareAtMinor: number | null }[];
  total: number;
  /** value -> count, every value of the listed catalog included (0 when filtered out). */
  facets: Record<Exclude<Facet, 'price'>, Record<string, number>>;
  price: { min: number | null; max: number | null };
}

export async function sqlListProducts(store: Store, query: ListingQuery): Promise<SqlListing> {
  const { products: p, brands: b, categories: c, variants: v, colours: co, stockLevels: s } = store.t;
  const db = store.db;

  const stock = db
    .select({
      variantId: s.variantId,
      available: sql<number>`sum(${s.onHand} - ${s.reserved})`.as('available'),
    })
    .from(s)
    .groupBy(s.variantId)
    .as('stock');
  const effectivePrice = sql`coalesce(${v.priceMinor}, ${p.basePriceMinor})`;
  const heelBandSql = sql.raw(
    `case ${heelBands
      .map((band) => {
        const [lo, hi] = heelBandRange(band);
        return `when heel_height_mm between ${lo} and ${hi} then '${band}'`;
      })
      .join(' ')} end`,
  );

  const has = <T>(list: readonly T[] | undefined): list is readonly T[] => !!list && list.length > 0;

  /** WHERE terms for every filter except `omit`. */
  const where = (q: ListingQuery, omit: Facet | null): SQL => {
    const terms: (SQL | undefined)[] = [eq(p.status, 'active'), eq(v.active, true)];
    if (omit !== 'category' && has(q.category)) terms.push(inArray(c.slug, [...q.category]));
    if (omit !== 'brand' && has(q.brand)) terms.push(inArray(b.slug, [...q.brand]));
    if (omit !== 'heel' && has(q.heel)) {
      terms.push(
        or(
          ...q.heel.map((band) => {
            const [lo, hi] = heelBandRange(band);
            return and(gte(p.heelHeightMm, lo), lte(p.heelHeightMm, hi));
          }),
        ),
      );
    }
    if (omit !== 'size' && has(q.size))
      terms.push(
        inArray(
          v.sizeEuTenths,
          q.size.map((eu) => Math.round(eu * 10)),
        ),
      );
    if (omit !== 'colour' && has(q.colour)) terms.push(inArray(sql`lower(${co.family})`, [...q.colour]));
    if (omit !== 'price') {
      if (q.minPrice !== undefined) terms.push(sql`${effectivePrice} >= ${q.minPrice}`);
      if (q.maxPrice !== undefined) terms.push(sql`${effectivePrice} <= ${q.maxPrice}`);
    }
    if (q.inStock) terms.push(sql`coalesce(${stock.available}, 0) > 0`);
    for (const token of queryTokens(q.q)) {
      // Tokens are letters and digits only, so they need no LIKE escaping.
      const pattern = `%${token}%`;
      terms.push(
        or(
          sql`lower(${p.name}) like ${pattern}`,
          sql`lower(${b.name}) like ${pattern}`,
          sql`lower(${c.name}) like ${pattern}`,
          sql`exists (select 1 from variants v2 join colours co2 on co2.id = v2.colour_id
                where v2.product_id = ${p.id} and v2.active = 1 and lower(co2.name) like ${pattern})`,
        ),
      );
    }
    return and(...terms)!;
  };

  // The joined rows: one per active variant of an active product (brand, category, colour known).
  const joined = <T extends Record<string, unknown>>(fields: T) =>
    db
      .select(fields as never)
      .from(p)
      .innerJoin(b, eq(b.id, p.brandId))
      .innerJoin(c, eq(c.id, p.categoryId))
      .innerJoin(v, eq(v.productId, p.id))
      .innerJoin(co, eq(co.id, v.colourId))
      .leftJoin(stock, eq(stock.variantId, v.id));

  const price = sql`min(${effectivePrice})`;
  const order =
    query.sort === 'price_asc'
      ? [asc(price), asc(p.id)]
      : query.sort === 'price_desc'
        ? [desc(price), asc(p.id)]
        : query.sort === 'new'
          ? [desc(p.createdAt), asc(p.id)]
          : [desc(p.popularity), asc(p.id)];
  const itemRows = (await joined({
    id: p.id,
    price: sql<number>`min(${effectivePrice})`.mapWith(Number),
    compareAt: sql<number | null>`max(${v.compareAtMinor})`,
  })
    .where(where(query, null))
    .groupBy(p.id, p.popularity, p.createdAt)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)) as unknown as {
    id: string;
    price: number;
    compareAt: unknown;
  }[];
  const [count] = (await joined({ n: countDistinct(p.id) }).where(where(query, null))) as unknown as {
    n: number;
  }[];

  const facetCounts = async (
    q: ListingQuery,
    omit: Facet | null,
    key: SQL,
  ): Promise<Record<string, number>> => {
    const rows = (await joined({ key: sql`${key}`, n: countDistinct(p.id) })
      .where(where(q, omit))
      .groupBy(key)) as unknown as { key: unknown; n: unknown }[];
    return Object.fromEntries(rows.map((r) => [String(r.key), Number(r.n)]));
  };
  const keys: Record<Exclude<Facet, 'price'>, SQL> = {
    category: sql`${c.slug}`,
    brand: sql`${b.slug}`,
    heel: heelBandSql,
    size: sql`${v.sizeEuTenths}`,
    colour: sql`lower(${co.family})`,
  };
  const everything: ListingQuery = { sort: 'popularity', page: 1, pageSize: 1 };
  const facets = {} as SqlListing['facets'];
  for (const facet of Object.keys(keys) as Exclude<Facet, 'price'>[]) {
    const universe = await facetCounts(everything, null, keys[facet]);
    const counts = await facetCounts(query, facet, keys[facet]);
    const merged: Record<string, number> = {};
    for (const value of Object.keys(universe)) {
      const label = facet === 'size' ? String(Number(value) / 10) : value;
      merged[label] = counts[value] ?? 0;
    }
    facets[facet] = merged;
  }
  const [range] = (await joined({
    min: sql`min(${effectivePrice})`,
    max: sql`max(${effectivePrice})`,
  }).where(where(query, 'price'))) as unknown as { min: unknown; max: unknown }[];

  return {
    items: itemRows.map((r) => {
      const compareAt = r.compareAt == null ? null : Number(r.compareAt);
      return {
        id: r.id,
        priceMinor: Number(r.price),
        compareAtMinor: compareAt !== null && compareAt > Number(r.price) ? compareAt : null,
      };
    }),
    total: Number(count?.n ?? 0),
    facets,
    price: {
      min: range?.min == null ? null : Number(range.min),
      max: range?.max == null ? null : Number(range.max),
    },
  };
}
