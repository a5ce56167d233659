/** Reads for back-in-stock sign-ups (writes live in back-in-stock.service.ts, the table's owner). */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';

/** An active size of an active product, by SKU (any case: SKUs compare case-insensitively). */
export async function sellableVariant(db: Db, store: Store, sku: string) {
  const { variants: v, products: p } = store.t;
  const [row] = await db
    .select({ id: v.id, sku: v.sku })
    .from(v)
    .innerJoin(p, eq(p.id, v.productId))
    .where(and(eq(v.sku, sku.toUpperCase()), eq(v.active, true), eq(p.status, 'active')))
    .limit(1);
  return row;
}

export async function signUpOf(db: Db, store: Store, variantId: string, email: string) {
  const b = store.t.backInStockRequests;
  const [row] = await db
    .select({ id: b.id, status: b.status })
    .from(b)
    .where(and(eq(b.variantId, variantId), eq(b.email, email)))
    .limit(1);
  return row;
}

export async function customerEmail(db: Db, store: Store, id: string) {
  const c = store.t.customers;
  const [row] = await db.select({ email: c.email, name: c.name }).from(c).where(eq(c.id, id)).limit(1);
  return row;
}

/** Pending sign-ups of the variants, with what the mail says about each size. */
export function pendingFor(db: Db, store: Store, variantIds: readonly string[]) {
  const { backInStockRequests: b, variants: v, products: p, colours: c, customers: cu } = store.t;
  return db
    .select({
      id: b.id,
      email: b.email,
      token: b.token,
      customerName: cu.name,
      productName: p.name,
      slug: p.slug,
      colour: c.name,
      colourCode: c.code,
      sizeEuTenths: v.sizeEuTenths,
      width: v.width,
    })
    .from(b)
    .innerJoin(v, eq(v.id, b.variantId))
    .innerJoin(p, eq(p.id, v.productId))
    .innerJoin(c, eq(c.id, v.colourId))
    .leftJoin(cu, eq(cu.id, b.customerId))
    .where(and(inArray(b.variantId, [...variantIds]), eq(b.status, 'pending')));
}
