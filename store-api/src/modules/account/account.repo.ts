/** Reads of the account tables (writes live in account.service.ts, the tables' owner). */
import { and, asc, count, desc, eq } from 'drizzle-orm';
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
