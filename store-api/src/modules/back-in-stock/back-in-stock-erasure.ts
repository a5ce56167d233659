import { eq, or } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';

/** An erased shopper's "tell me when my size is back" sign-ups go, by account and by address. */
export async function forgetBackInStockSignUps(
  store: Store,
  tx: Db,
  customerId: string,
  email: string,
): Promise<void> {
  const b = store.t.backInStockRequests;
  await tx.delete(b).where(or(eq(b.customerId, customerId), eq(b.email, email)));
}
