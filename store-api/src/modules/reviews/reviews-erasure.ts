import { eq } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';

/**
 * An erased shopper's reviews go (GDPR article 17): their text is theirs and may name them, and a
 * review by "a deleted account" is not a verified buyer's word any more. Returns how many went.
 */
export async function forgetCustomerReviews(store: Store, tx: Db, customerId: string): Promise<number> {
  const r = store.t.productReviews;
  const gone = await tx.select({ id: r.id }).from(r).where(eq(r.customerId, customerId));
  if (gone.length > 0) await tx.delete(r).where(eq(r.customerId, customerId));
  return gone.length;
}
