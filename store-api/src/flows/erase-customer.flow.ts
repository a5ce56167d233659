/**
 * A shopper deletes their account (GDPR article 17), after typing their password again. One
 * transaction: the account row is anonymised and every sign-in revoked (auth), the orders keep
 * their lines and money under a pseudonym (orders), carts and coupon uses lose the e-mail and
 * address (cart, coupons), the address book, wishlist and saved size go (account), reviews and
 * back-in-stock sign-ups go (reviews, back-in-stock), and the audit
 * log records the erasure without any personal data. Afterwards the old e-mail signs in to nothing.
 */
import { unauthenticated } from '@shoebox/shared';
import { recordWhatHappened } from '../lib/what-happened.ts';
import type { Store } from '../db/client.ts';
import { verifyPassword } from '../lib/passwords.ts';
import type { RequestContext } from '../lib/request-context.ts';
import type { AccountService } from '../modules/account/index.ts';
import { findCustomerById } from '../modules/auth/index.ts';
import { ERASED_NAME, eraseCustomerRow, erasedEmail } from '../modules/auth/index.ts';
import { forgetCartContacts } from '../modules/cart/index.ts';
import { forgetBackInStockSignUps } from '../modules/back-in-stock/index.ts';
import { anonymiseRedemptions } from '../modules/coupons/index.ts';
import { anonymiseCustomerOrders } from '../modules/orders/index.ts';
import { forgetCustomerReviews } from '../modules/reviews/index.ts';

export interface EraseCustomerDeps {
  store: Store;
  account: Pick<AccountService, 'deleteAccountData'>;
  /** After commit: this instance forgets the sessions it cached for the account. */
  accountChanged(customerId: string): void;
}

export async function eraseCustomer(
  deps: EraseCustomerDeps,
  ctx: RequestContext,
  password: string,
): Promise<void> {
  const { store } = deps;
  if (ctx.actor.type !== 'customer')
    throw unauthenticated('CUSTOMER_SIGN_IN_REQUIRED', 'Sign in to your shop account first.');
  const id = ctx.actor.id;
  const customer = await findCustomerById(store.db, store, id);
  if (!customer || !(await verifyPassword(password, customer.passwordHash)))
    throw unauthenticated('INVALID_CREDENTIALS', 'The password is wrong; your account was not deleted.');
  const pseudonym = { email: erasedEmail(id), name: ERASED_NAME };
  await store.tx(async (tx) => {
    if (!(await eraseCustomerRow(store, tx, id, ctx.now)))
      throw unauthenticated('ACCOUNT_DELETED', 'This account no longer exists.');
    const orders = await anonymiseCustomerOrders(store, tx, ctx, id, pseudonym);
    await forgetCartContacts(store, tx, id, ctx.now);
    await anonymiseRedemptions(store, tx, id, pseudonym.email);
    await deps.account.deleteAccountData(tx, id);
    const reviews = await forgetCustomerReviews(store, tx, id);
    await forgetBackInStockSignUps(store, tx, id, customer.email);
    await recordWhatHappened(store, tx, ctx, {
      audit: {
        action: 'customer.erase',
        entity: 'customer',
        entityId: id,
        after: { erased: true, ordersAnonymised: orders, reviewsDeleted: reviews },
      },
    });
  });
  deps.accountChanged(id);
}
