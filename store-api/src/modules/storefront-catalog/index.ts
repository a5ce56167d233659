/** storefront-catalog: the module's public face; other modules, flows, bench and scripts import from here only. */
export { storeCatalogRoutes } from './store-catalog.routes.ts';
export { productFeedRoutes } from './product-feed.routes.ts';
export { mountSeoFiles } from './seo.routes.ts';
export { createStoreCatalogService } from './store-catalog.service.ts';
export { type ListingQuery, listProducts } from './listing.ts';
export {
  type BrandRow,
  buildIndex,
  type CatalogSource,
  type CategoryRow,
  type ColourRow,
  emptySource,
  type ImageRow,
  type ProductRow,
  pushTo,
  type VariantRow,
} from './read-model.ts';
