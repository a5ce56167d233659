import { DomainError } from '@shoebox/shared';

/** Stable error codes of the store's catalog pages. */
export const storeCatalogErrors = {
  productNotFound: () => new DomainError('not_found', 'PRODUCT_NOT_FOUND', 'No product with this address.'),
};
