import { businessRule, DomainError } from '@shoebox/shared';
import { MAX_ACCOUNT_ADDRESSES, MAX_WISHLIST_ITEMS } from '@shoebox/shared/contracts';
import { catalogLookupErrors } from '../catalog/index.ts';

export const accountErrors = {
  addressNotFound: () =>
    new DomainError('not_found', 'ADDRESS_NOT_FOUND', 'No address with this id in your account.'),
  addressLimit: () =>
    businessRule('ADDRESS_LIMIT', `An account keeps at most ${MAX_ACCOUNT_ADDRESSES} addresses.`, {
      limit: MAX_ACCOUNT_ADDRESSES,
    }),
  wishlistLimit: () =>
    businessRule('WISHLIST_LIMIT', `A wishlist keeps at most ${MAX_WISHLIST_ITEMS} products.`, {
      limit: MAX_WISHLIST_ITEMS,
    }),
  productNotFound: () => catalogLookupErrors.productNotFound('slug'),
  customerNotFound: () =>
    new DomainError('not_found', 'CUSTOMER_NOT_FOUND', 'There is no customer with that id.'),
  customerOnly: () =>
    new DomainError('unauthenticated', 'CUSTOMER_SIGN_IN_REQUIRED', 'Sign in to your shop account first.'),
};
