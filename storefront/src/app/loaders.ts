/**
 * The data each page needs first, by route, so main.tsx can start those requests at once, in
 * parallel with the download of the page's code chunk, instead of after it (one round trip less
 * before the largest paint). The pages read the same keys through useFetch.
 */
import type { StoreCategoryList, StoreProductDetail, StoreProductList } from '@shoebox/shared/store';
import { filtersFrom, queryOf, searchOf } from '../listing/filters.ts';
import { api } from './api.ts';
import { matchPath } from './router.tsx';
import { prefetch } from './use-fetch.ts';

export interface Loader<T> {
  key: string;
  load: () => Promise<T>;
}

export const categoriesLoader = (): Loader<StoreCategoryList> => ({
  key: 'categories',
  load: () => api.store.categories(),
});

export const arrivalsLoader = (): Loader<StoreProductList> => ({
  key: 'new',
  load: () => api.store.products.list({ sort: 'new', inStock: true, pageSize: 8 }),
});

export function listingLoader(
  pathname: string,
  search: URLSearchParams,
  category?: string,
): Loader<StoreProductList> {
  const filters = filtersFrom(search);
  return {
    key: pathname + searchOf(filters),
    load: () => api.store.products.list(queryOf(filters, category)),
  };
}

export const productLoader = (slug: string): Loader<StoreProductDetail> => ({
  key: `product:${slug}`,
  load: () => api.store.products.get(slug),
});

/** Starts the first requests of the page at `url`. */
export function preloadPage(url: URL): void {
  const { pathname, searchParams } = url;
  const start = <T>(l: Loader<T>) => prefetch(l.key, l.load);
  if (pathname === '/') {
    start(categoriesLoader());
    start(arrivalsLoader());
  } else if (pathname === '/search') start(listingLoader(pathname, searchParams));
  else {
    const category = matchPath('/c/:slug', pathname);
    if (category) start(listingLoader(pathname, searchParams, category.slug));
    const product = matchPath('/p/:slug', pathname);
    if (product?.slug) start(productLoader(product.slug));
  }
}
