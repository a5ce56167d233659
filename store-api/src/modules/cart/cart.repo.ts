import { and, asc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';

/**
 * Cart persistence through drizzle: customer carts, merging, coupons and the jobs. The shopper's
 * hot path (read a cart with its lines, change it) is hand-written in `cart.sql.ts`.
 */
export type CartRow = Store['t']['carts']['$inferSelect'];
export type CartLineRow = Store['t']['cartLines']['$inferSelect'];
export type CouponRow = Store['t']['coupons']['$inferSelect'];

export function cartRepo(store: Store) {
  const { carts, cartLines, coupons, couponRedemptions } = store.t;

  return {
    async byId(db: Db, id: string): Promise<CartRow | undefined> {
      const [row] = await db.select().from(carts).where(eq(carts.id, id)).limit(1);
      return row;
    },

    async openCartOf(db: Db, customerId: string): Promise<CartRow | undefined> {
      const [row] = await db
        .select()
        .from(carts)
        .where(and(eq(carts.customerId, customerId), eq(carts.status, 'open')))
        .orderBy(asc(carts.createdAt))
        .limit(1);
      return row;
    },

    /** Serialises transactions about one customer's carts: on MySQL the update holds the row lock. */
    async lockCustomer(tx: Db, customerId: string): Promise<void> {
      const { customers } = store.t;
      await tx
        .update(customers)
        .set({ updatedAt: sql`${customers.updatedAt}` })
        .where(eq(customers.id, customerId));
    },

    async insertCart(tx: Db, row: CartRow): Promise<void> {
      await tx.insert(carts).values(row);
    },

    /** version + 1 and updated_at on an open cart; false when the cart is not open (or gone). */
    async touchCart(tx: Db, cartId: string, now: number, set: Partial<CartRow> = {}): Promise<boolean> {
      const result = await tx
        .update(carts)
        .set({ ...set, version: sql`${carts.version} + 1`, updatedAt: now })
        .where(and(eq(carts.id, cartId), eq(carts.status, 'open')));
      return affectedRows(result) === 1;
    },

    async updateCart(tx: Db, cartId: string, set: Partial<CartRow>): Promise<void> {
      await tx.update(carts).set(set).where(eq(carts.id, cartId));
    },

    /** open -> converted by token; false when the cart is not open. On MySQL this locks the cart row. */
    async convertByTokenHash(tx: Db, tokenHash: string, now: number): Promise<boolean> {
      const result = await tx
        .update(carts)
        .set({ status: 'converted', updatedAt: now })
        .where(and(eq(carts.tokenHash, tokenHash), eq(carts.status, 'open')));
      return affectedRows(result) === 1;
    },

    async setStatus(tx: Db, cartId: string, from: string, to: string, now: number): Promise<boolean> {
      const result = await tx
        .update(carts)
        .set({ status: to, updatedAt: now })
        .where(and(eq(carts.id, cartId), eq(carts.status, from)));
      return affectedRows(result) === 1;
    },

    /** converted -> open with a new version (a retried checkout then places a fresh order). */
    async reopenConverted(tx: Db, cartId: string, now: number): Promise<boolean> {
      const result = await tx
        .update(carts)
        .set({ status: 'open', version: sql`${carts.version} + 1`, updatedAt: now })
        .where(and(eq(carts.id, cartId), eq(carts.status, 'converted')));
      return affectedRows(result) === 1;
    },

    async insertLine(tx: Db, row: CartLineRow): Promise<void> {
      await tx.insert(cartLines).values(row);
    },

    async setLineQuantity(tx: Db, cartId: string, variantId: string, quantity: number, now: number) {
      const result = await tx
        .update(cartLines)
        .set({ quantity, updatedAt: now })
        .where(and(eq(cartLines.cartId, cartId), eq(cartLines.variantId, variantId)));
      return affectedRows(result) === 1;
    },

    async couponByCode(db: Db, code: string): Promise<CouponRow | undefined> {
      const [row] = await db.select().from(coupons).where(eq(coupons.code, code)).limit(1);
      return row;
    },

    /** This customer's redemptions of a coupon that were not given back. */
    async customerRedemptions(db: Db, couponId: string, customerId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number | string>`count(*)` })
        .from(couponRedemptions)
        .where(
          and(
            eq(couponRedemptions.couponId, couponId),
            eq(couponRedemptions.customerId, customerId),
            isNull(couponRedemptions.releasedAt),
          ),
        );
      return Number(row?.n ?? 0);
    },

    // ---- jobs ----

    /** Open carts with an email, idle since `idleBefore`, never reminded, that have lines. */
    async reminderCandidates(db: Db, idleBefore: number, limit: number): Promise<CartRow[]> {
      return db
        .select()
        .from(carts)
        .where(
          and(
            eq(carts.status, 'open'),
            isNotNull(carts.email),
            isNull(carts.reminderSentAt),
            lt(carts.updatedAt, idleBefore),
            sql`exists (select 1 from ${cartLines} where ${cartLines.cartId} = ${carts.id})`,
          ),
        )
        .orderBy(asc(carts.updatedAt))
        .limit(limit);
    },

    /** Marks a reminder as sent unless another run did; true when this call did. */
    async markReminded(tx: Db, cartId: string, updatedAt: number, now: number): Promise<boolean> {
      const result = await tx
        .update(carts)
        .set({ reminderSentAt: now })
        .where(
          and(
            eq(carts.id, cartId),
            eq(carts.status, 'open'),
            isNull(carts.reminderSentAt),
            eq(carts.updatedAt, updatedAt),
          ),
        );
      return affectedRows(result) === 1;
    },

    /** Ids of open or abandoned carts untouched since `before` (converted carts are kept). */
    async staleCartIds(db: Db, before: number, limit: number): Promise<string[]> {
      const rows = await db
        .select({ id: carts.id })
        .from(carts)
        .where(and(or(eq(carts.status, 'open'), eq(carts.status, 'abandoned')), lt(carts.updatedAt, before)))
        .orderBy(asc(carts.updatedAt))
        .limit(limit);
      return rows.map((r) => r.id);
    },

    async deleteCarts(tx: Db, ids: readonly string[], before: number): Promise<number> {
      if (ids.length === 0) return 0;
      // Re-checked here: a cart touched since it was listed survives.
      const result = await tx
        .delete(carts)
        .where(
          and(
            inArray(carts.id, [...ids]),
            or(eq(carts.status, 'open'), eq(carts.status, 'abandoned')),
            lt(carts.updatedAt, before),
          ),
        );
      await tx
        .delete(cartLines)
        .where(
          and(
            inArray(cartLines.cartId, [...ids]),
            sql`not exists (select 1 from ${carts} where ${carts.id} = ${cartLines.cartId})`,
          ),
        );
      return affectedRows(result);
    },
  };
}
export type CartRepo = ReturnType<typeof cartRepo>;
