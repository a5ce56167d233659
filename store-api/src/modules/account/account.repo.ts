/** Reads of the account tables (writes live in account.service.ts, the tables' owner). */
import { and, asc, count, desc, eq, or, sql } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';

export type AddressRow = Store['t']['customerAddresses']['$inferSelect'];

export const addressesOf = (db: Db, store: Store, customerId: string) =>
  db
    .select()
    .from(store.t.customerAddresses)
    .where(eq(store.t.customerAddresses.customerId, customerId))
    .orderBy(desc(store.t.customerAddresses.isDefault), asc(store.t.customerAddresses.createdAt));

export async function addressOf(db: Db, store: Store, customerId: string, id: string) {
  const a = store.t.customerAddresses;
  const [row] = await db
    .select()
    .from(a)
    .where(and(eq(a.id, id), eq(a.customerId, customerId)))
    .limit(1);
  return row;
}

export async function addressCount(db: Db, store: Store, customerId: string): Promise<number> {
  const a = store.t.customerAddresses;
  const [row] = await db.select({ n: count() }).from(a).where(eq(a.customerId, customerId));
  return Number(row?.n ?? 0);
}

export async function savedSizeTenths(db: Db, store: Store, customerId: string): Promise<number | null> {
  const p = store.t.customerPreferences;
  const [row] = await db.select().from(p).where(eq(p.customerId, customerId)).limit(1);
  return row?.savedSizeEuTenths ?? null;
}

/** The wishlist with each product's current name and price, newest first. */
export function wishlistOf(db: Db, store: Store, customerId: string) {
  const w = store.t.wishlistItems;
  const p = store.t.products;
  return db
    .select({
      slug: p.slug,
      name: p.name,
      priceMinor: p.basePriceMinor,
      currency: p.currency,
      status: p.status,
      createdAt: w.createdAt,
    })
    .from(w)
    .innerJoin(p, eq(p.id, w.productId))
    .where(eq(w.customerId, customerId))
    .orderBy(desc(w.createdAt), asc(p.slug));
}

export async function wishlistCount(db: Db, store: Store, customerId: string): Promise<number> {
  const w = store.t.wishlistItems;
  const [row] = await db.select({ n: count() }).from(w).where(eq(w.customerId, customerId));
  return Number(row?.n ?? 0);
}

export async function activeProductId(db: Db, store: Store, slug: string): Promise<string | undefined> {
  const p = store.t.products;
  const [row] = await db
    .select({ id: p.id })
    .from(p)
    .where(and(eq(p.slug, slug), eq(p.status, 'active')))
    .limit(1);
  return row?.id;
}

export async function productIdBySlug(db: Db, store: Store, slug: string): Promise<string | undefined> {
  const p = store.t.products;
  const [row] = await db.select({ id: p.id }).from(p).where(eq(p.slug, slug)).limit(1);
  return row?.id;
}

export type CustomerRow = Store['t']['customers']['$inferSelect'];

export async function customerRow(db: Db, store: Store, id: string): Promise<CustomerRow | undefined> {
  const c = store.t.customers;
  const [row] = await db.select().from(c).where(eq(c.id, id)).limit(1);
  return row;
}

/**
 * `%` and `_` typed by a person are letters, not wildcards. The escape character is `!`, not a
 * backslash, which MariaDB's string literals would eat and SQLite's would not.
 */
const likeText = (q: string) => `%${q.toLowerCase().replace(/[!%_]/g, (m) => `!${m}`)}%`;

/**
 * Customers whose email or name contains `q` (any case), newest first (ids are UUIDv7, so the id
 * breaks a tie within one millisecond the same way). Emails are stored lower
 * case; names are compared lower-cased on both dialects.
 */
export async function searchCustomers(
  db: Db,
  store: Store,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  const c = store.t.customers;
  const pattern = query.q ? likeText(query.q) : null;
  const where = pattern
    ? or(sql`lower(${c.email}) like ${pattern} escape '!'`, sql`lower(${c.name}) like ${pattern} escape '!'`)
    : undefined;
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(c)
      .where(where)
      .orderBy(desc(c.createdAt), desc(c.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(c).where(where),
  ]);
  return { rows, total: Number(counted?.n ?? 0) };
}
