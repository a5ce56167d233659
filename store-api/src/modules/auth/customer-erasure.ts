/**
 * Erasure of a shopper's account row (GDPR article 17), for the erase-customer flow. The row stays
 * (orders and audit entries point at its id) with nothing personal left: a pseudonymous address no
 * one can type (`.invalid` is reserved), a fixed name and a password hash that matches nothing.
 * Every sign-in of the account is revoked in the same transaction.
 */
import { eq } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import { revokeSubject } from './auth.repo.ts';

export const ERASED_NAME = 'Erased customer';
export const erasedEmail = (customerId: string) => `erased-${customerId}@erased.invalid`;
/** Not a `scrypt$...` hash, so verifyPassword answers false for any password. */
const NO_PASSWORD = 'erased';

/** True when the customer existed and is now erased; call `auth.accountChanged(id)` after commit. */
export async function eraseCustomerRow(
  store: Store,
  tx: Db,
  customerId: string,
  now: number,
): Promise<boolean> {
  const c = store.t.customers;
  const result = await tx
    .update(c)
    .set({ email: erasedEmail(customerId), name: ERASED_NAME, passwordHash: NO_PASSWORD, updatedAt: now })
    .where(eq(c.id, customerId));
  if (affectedRows(result) !== 1) return false;
  await revokeSubject(tx, store, customerId, now);
  return true;
}
