/** Reads for reviews (writes live in reviews.service.ts, the tables' owner). */
import type { ReviewFit, ReviewStatus } from '@shoebox/shared/contracts';
import { and, count, desc, eq, exists, inArray, sql } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';

export type ReviewRow = Store['t']['productReviews']['$inferSelect'];

/** Statuses of an order whose buyer has paid: they may review what it holds. */
const BOUGHT_STATUSES = ['paid', 'picking', 'packed', 'shipped', 'delivered'];

export async function activeProduct(db: Db, store: Store, slug: string) {
  const p = store.t.products;
  const [row] = await db
    .select({ id: p.id, name: p.name })
    .from(p)
    .where(and(eq(p.slug, slug), eq(p.status, 'active')))
    .limit(1);
  return row;
}

/** True when the customer has a paid (or later) order with any variant of the product. */
export async function hasBought(db: Db, store: Store, customerId: string, productId: string) {
  const { orders: o, orderLines: l, variants: v } = store.t;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(o)
    .where(
      and(
        eq(o.customerId, customerId),
        inArray(o.status, BOUGHT_STATUSES),
        exists(
          db
            .select({ one: sql`1` })
            .from(l)
            .innerJoin(v, eq(v.id, l.variantId))
            .where(and(eq(l.orderId, o.id), eq(v.productId, productId))),
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function reviewOf(db: Db, store: Store, productId: string, customerId: string) {
  const r = store.t.productReviews;
  const [row] = await db
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.productId, productId), eq(r.customerId, customerId)))
    .limit(1);
  return row;
}

export async function reviewById(db: Db, store: Store, id: string) {
  const [row] = await db.select().from(store.t.productReviews).where(eq(store.t.productReviews.id, id));
  return row;
}

/** Count, rating sum and fit votes of the product's published reviews. */
export async function publishedTallies(db: Db, store: Store, productId: string) {
  const r = store.t.productReviews;
  const rows = await db
    .select({ fit: r.fit, n: count(), ratingSum: sql<string | number>`sum(${r.rating})` })
    .from(r)
    .where(and(eq(r.productId, productId), eq(r.status, 'published')))
    .groupBy(r.fit);
  const fit: Record<ReviewFit, number> = { small: 0, true: 0, large: 0 };
  let total = 0;
  let ratingSum = 0;
  for (const row of rows) {
    const n = Number(row.n);
    if (row.fit in fit) fit[row.fit as ReviewFit] += n;
    total += n;
    // MySQL gives SUM as a DECIMAL string.
    ratingSum += Number(row.ratingSum ?? 0);
  }
  return { total, ratingSum, fit };
}

/** One page of the product's published reviews, newest first, with the reviewer's name. */
export function publishedPage(
  db: Db,
  store: Store,
  productId: string,
  page: { page: number; pageSize: number },
) {
  const { productReviews: r, customers: c } = store.t;
  return db
    .select({ review: r, name: c.name })
    .from(r)
    .innerJoin(c, eq(c.id, r.customerId))
    .where(and(eq(r.productId, productId), eq(r.status, 'published')))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
}

export type AdminRow = { review: ReviewRow; customerName: string; productName: string };

function adminSelect(db: Db, store: Store) {
  const { productReviews: r, customers: c, products: p } = store.t;
  return db
    .select({ review: r, customerName: c.name, productName: p.name })
    .from(r)
    .innerJoin(c, eq(c.id, r.customerId))
    .innerJoin(p, eq(p.id, r.productId));
}

export async function adminRow(db: Db, store: Store, id: string): Promise<AdminRow | undefined> {
  const [row] = await adminSelect(db, store).where(eq(store.t.productReviews.id, id));
  return row;
}

/** The moderation queue: reviews in one status, oldest first (the longest waiting at the top). */
export async function byStatus(
  db: Db,
  store: Store,
  status: ReviewStatus,
  page: { page: number; pageSize: number },
) {
  const r = store.t.productReviews;
  const items: AdminRow[] = await adminSelect(db, store)
    .where(eq(r.status, status))
    .orderBy(r.createdAt, r.id)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db.select({ n: count() }).from(r).where(eq(r.status, status));
  return { items, total: Number(total?.n ?? 0) };
}
