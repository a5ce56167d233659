import { newId } from '@shoebox/shared';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';

/**
 * A coupon's uses: redeemed by an order at checkout, given back when the unpaid order dies, taken
 * again when a late payment revives it. Each is a conditional update inside the caller's
 * transaction, so `times_used` never passes the coupon's limit and a use is never counted twice.
 */

export interface Redemption {
  couponId: string;
  orderId: string;
  customerId: string | null;
  email: string;
}

/** One use of the coupon for this order; false when its total limit is reached. */
export async function redeemCoupon(store: Store, tx: Db, use: Redemption, now: number): Promise<boolean> {
  const k = store.t.coupons;
  const used = await tx
    .update(k)
    .set({ timesUsed: sql`${k.timesUsed} + 1`, updatedAt: now })
    .where(
      and(
        eq(k.id, use.couponId),
        sql`(${k.usageLimitTotal} IS NULL OR ${k.timesUsed} < ${k.usageLimitTotal})`,
      ),
    );
  if (affectedRows(used) !== 1) return false;
  await tx
    .insert(store.t.couponRedemptions)
    .values({ id: newId(), ...use, releasedAt: null, createdAt: now });
  return true;
}

/** Gives the order's coupon use back; false when there was none or it was given back already. */
export function giveBackCoupon(store: Store, tx: Db, orderId: string, now: number): Promise<boolean> {
  return flipUse(store, tx, orderId, now, 'give back');
}

/** Takes a given-back use again (the customer paid the discounted price after all). */
export async function takeCouponAgain(store: Store, tx: Db, orderId: string, now: number): Promise<void> {
  await flipUse(store, tx, orderId, now, 'take again');
}

/**
 * Moves the order's redemption between held and given back, and the coupon's count with it, each
 * by a conditional update so two workers never move it twice.
 */
async function flipUse(
  store: Store,
  tx: Db,
  orderId: string,
  now: number,
  direction: 'give back' | 'take again',
): Promise<boolean> {
  const back = direction === 'give back';
  const r = store.t.couponRedemptions;
  const inState = back ? isNull(r.releasedAt) : isNotNull(r.releasedAt);
  const [row] = await tx
    .select({ id: r.id, couponId: r.couponId })
    .from(r)
    .where(and(eq(r.orderId, orderId), inState))
    .limit(1);
  if (!row) return false;
  const moved = await tx
    .update(r)
    .set({ releasedAt: back ? now : null })
    .where(and(eq(r.id, row.id), inState));
  if (affectedRows(moved) !== 1) return false;
  const c = store.t.coupons;
  await tx
    .update(c)
    .set({ timesUsed: sql`${c.timesUsed} + ${back ? -1 : 1}`, updatedAt: now })
    .where(back ? and(eq(c.id, row.couponId), sql`${c.timesUsed} > 0`) : eq(c.id, row.couponId));
  return true;
}

/** Erasure: the customer's redemptions keep counting against limits, under the erased pseudonym. */
export async function anonymiseRedemptions(
  store: Store,
  tx: Db,
  customerId: string,
  email: string,
): Promise<void> {
  const r = store.t.couponRedemptions;
  await tx.update(r).set({ email }).where(eq(r.customerId, customerId));
}
