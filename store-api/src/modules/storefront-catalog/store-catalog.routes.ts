import {
  storeBrandList,
  storeCategoryList,
  storeProductDetail,
  storeProductList,
  storeProductListQuery,
  storeProductParams,
} from '@shoebox/shared/contracts';
import type { Request, Response } from 'express';
import { defineRoute, SENT } from '../../http/route.ts';
import type { CachedBody, StoreCatalogService } from './store-catalog.service.ts';

/** Shoppers may reuse an answer only after checking it is current (ETag, 304). */
const CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** True when the client's If-None-Match names this ETag (weak comparison, as RFC 9110 asks). */
function notModified(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function sendCached(
  req: Request,
  res: Response,
  cached: CachedBody,
  contentType = 'application/json; charset=utf-8',
): typeof SENT {
  res.setHeader('Cache-Control', CACHE_CONTROL);
  res.setHeader('ETag', cached.etag);
  if (notModified(req, cached.etag)) {
    res.status(304).end();
    return SENT;
  }
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', cached.body.length);
  res.end(cached.body);
  return SENT;
}

/** Every store read answers a revalidation that names the current ETag with 304. */
export const revalidated = [
  { status: 304, description: 'Not modified: If-None-Match names the current ETag.' },
] as const;

export const storeCatalogRoutes = (catalog: StoreCatalogService) => [
  defineRoute({
    method: 'get',
    path: '/store/products',
    summary: 'List active products with filters, disjunctive facet counts, sorting and pages',
    tag: 'Store',
    access: 'public',
    query: storeProductListQuery,
    response: storeProductList,
    otherAnswers: revalidated,
    errors: ['VALIDATION_FAILED'],
    handler: async (ctx, { query, req, res }) => sendCached(req, res, await catalog.listProducts(ctx, query)),
  }),
  defineRoute({
    method: 'get',
    path: '/store/products/:slug',
    summary: 'One active product with its colours, sizes and availability per size',
    tag: 'Store',
    access: 'public',
    params: storeProductParams,
    response: storeProductDetail,
    otherAnswers: revalidated,
    errors: ['PRODUCT_NOT_FOUND'],
    handler: async (ctx, { params, req, res }) =>
      sendCached(req, res, await catalog.productDetail(ctx, params.slug)),
  }),
  defineRoute({
    method: 'get',
    path: '/store/categories',
    summary: 'Categories in menu order with their number of listed products',
    tag: 'Store',
    access: 'public',
    response: storeCategoryList,
    otherAnswers: revalidated,
    handler: async (ctx, { req, res }) => sendCached(req, res, await catalog.categories(ctx)),
  }),
  defineRoute({
    method: 'get',
    path: '/store/brands',
    summary: 'Brands by name with their number of listed products',
    tag: 'Store',
    access: 'public',
    response: storeBrandList,
    otherAnswers: revalidated,
    handler: async (ctx, { req, res }) => sendCached(req, res, await catalog.brands(ctx)),
  }),
];
