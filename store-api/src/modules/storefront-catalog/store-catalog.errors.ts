import { catalogLookupErrors } from '../catalog/index.ts';

/** Stable error codes of the store's catalog pages. */
export const storeCatalogErrors = {
  productNotFound: () => catalogLookupErrors.productNotFound('address'),
};
