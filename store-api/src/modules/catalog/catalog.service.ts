import type { Store } from '../../db/client.ts';
import { createCatalogCsvService } from './catalog-csv.service.ts';
import { createProductService } from './products.service.ts';
import { createTaxonomyService } from './taxonomy.service.ts';
import { createVariantService } from './variants.service.ts';

/** The admin catalog service: one object composed of its parts, so routes see a single service. */
export function createCatalogService(store: Store) {
  return {
    ...createTaxonomyService(store),
    ...createProductService(store),
    ...createVariantService(store),
    ...createCatalogCsvService(store),
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
