/** catalog: the module's public face; other modules, flows, bench and scripts import from here only. */
export { imagesRoutes } from './images.routes.ts';
export { catalogRoutes } from './catalog.routes.ts';
export { createImagesService } from './images.service.ts';
export { createCatalogService } from './catalog.service.ts';
export { createProductService } from './products.service.ts';
export { lookupErrors as catalogLookupErrors } from './catalog.errors.ts';
