/** Erasure: the customer's carts lose their contact e-mail and address (lines stay, for the stats). */
import { eq } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';

export async function forgetCartContacts(
  store: Store,
  tx: Db,
  customerId: string,
  now: number,
): Promise<void> {
  const c = store.t.carts;
  await tx
    .update(c)
    .set({ email: null, shippingAddress: null, updatedAt: now })
    .where(eq(c.customerId, customerId));
}
