import { defineRoute } from '../../http/route.ts';
import { revalidated, sendCached } from './store-catalog.routes.ts';
import type { StoreCatalogService } from './store-catalog.service.ts';

const tag = 'Product feed';

/** Public URLs a shopping or social channel fetches on its own schedule (ETag revalidation, 304). */
export const productFeedRoutes = (catalog: StoreCatalogService) => [
  defineRoute({
    method: 'get',
    path: '/feeds/products.xml',
    summary: 'Product feed as RSS 2.0 XML with the g: namespace (Google Merchant Center, Meta catalog)',
    tag,
    access: 'public',
    otherAnswers: revalidated,
    handler: async (ctx, { req, res }) =>
      sendCached(req, res, await catalog.productFeed(ctx, 'xml'), 'application/xml; charset=utf-8'),
  }),
  defineRoute({
    method: 'get',
    path: '/feeds/products.csv',
    summary: 'Product feed as CSV, one row per size, with the channels’ attribute names as headers',
    tag,
    access: 'public',
    otherAnswers: revalidated,
    handler: async (ctx, { req, res }) =>
      sendCached(req, res, await catalog.productFeed(ctx, 'csv'), 'text/csv; charset=utf-8'),
  }),
];
