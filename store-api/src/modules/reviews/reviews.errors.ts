import { businessRule, DomainError } from '@shoebox/shared';
import { catalogLookupErrors } from '../catalog/index.ts';

/** Every refusal of the reviews module, built here once with the words a shopper reads. */
export const reviewsErrors = {
  productNotFound: () => catalogLookupErrors.productNotFound('slug'),
  reviewNotFound: () => new DomainError('not_found', 'REVIEW_NOT_FOUND', 'No review with this id.'),
  notABuyer: () =>
    businessRule(
      'REVIEW_NOT_A_BUYER',
      'You can review shoes you bought: this product is not in any of your paid orders yet.',
    ),
  alreadyReviewed: () =>
    new DomainError('conflict', 'REVIEW_ALREADY_EXISTS', 'You already reviewed this product.'),
  customerOnly: () =>
    new DomainError('unauthenticated', 'CUSTOMER_SIGN_IN_REQUIRED', 'Sign in to your shop account first.'),
};
