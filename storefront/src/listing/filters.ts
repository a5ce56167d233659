/**
 * Listing filters live in the URL (`/c/boots-booties?size=38&colour=black&sort=price_asc&page=2`),
 * so a filtered page can be shared and the back button restores it. The parameter names are the
 * API's own (`GET /store/products`), lists comma-separated.
 */
import type { QueryOf } from '@shoebox/shared/store';
import type { StoreSort, storeProductListQuery } from '@shoebox/shared/store';

export type ListFacet = 'brand' | 'size' | 'colour' | 'heel';
export const listFacets: readonly ListFacet[] = ['size', 'colour', 'heel', 'brand'];

export interface Filters {
  brand: string[];
  size: string[];
  colour: string[];
  heel: string[];
  /** Minor units. */
  minPrice?: number;
  maxPrice?: number;
  inStock: boolean;
  q?: string;
  sort: StoreSort;
  page: number;
}

export const sortLabels: Record<StoreSort, string> = {
  popularity: 'Most popular',
  new: 'Newest',
  price_asc: 'Price, low to high',
  price_desc: 'Price, high to low',
};

export const PAGE_SIZE = 24;

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);
const whole = (value: string | null): number | undefined => {
  const n = value === null ? Number.NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};

export function filtersFrom(search: URLSearchParams): Filters {
  const sort = search.get('sort');
  return {
    brand: list(search.get('brand')),
    size: list(search.get('size')),
    colour: list(search.get('colour')),
    heel: list(search.get('heel')),
    minPrice: whole(search.get('minPrice')),
    maxPrice: whole(search.get('maxPrice')),
    inStock: search.get('inStock') === 'true',
    q: search.get('q')?.trim() || undefined,
    sort: sort && sort in sortLabels ? (sort as StoreSort) : 'popularity',
    page: Math.max(1, whole(search.get('page')) ?? 1),
  };
}

/** The query string of a filter set, without defaults (so equal filters give equal URLs). */
export function searchOf(f: Filters): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  for (const facet of listFacets) if (f[facet].length) p.set(facet, f[facet].join(','));
  if (f.minPrice !== undefined) p.set('minPrice', String(f.minPrice));
  if (f.maxPrice !== undefined) p.set('maxPrice', String(f.maxPrice));
  if (f.inStock) p.set('inStock', 'true');
  if (f.sort !== 'popularity') p.set('sort', f.sort);
  if (f.page > 1) p.set('page', String(f.page));
  const text = p.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

/** The API query for a filter set on a category page (or the search page when `category` is absent). */
export function queryOf(f: Filters, category?: string): QueryOf<typeof storeProductListQuery> {
  return {
    ...(category ? { category: [category] } : {}),
    ...(f.q ? { q: f.q } : {}),
    ...(f.brand.length ? { brand: f.brand } : {}),
    ...(f.size.length ? { size: f.size.map(Number) } : {}),
    ...(f.colour.length ? { colour: f.colour as never } : {}),
    ...(f.heel.length ? { heel: f.heel as never } : {}),
    ...(f.minPrice !== undefined ? { minPrice: f.minPrice } : {}),
    ...(f.maxPrice !== undefined ? { maxPrice: f.maxPrice } : {}),
    ...(f.inStock ? { inStock: true } : {}),
    sort: f.sort,
    page: f.page,
    pageSize: PAGE_SIZE,
  };
}

/** Adds or removes one facet value; any filter change goes back to page 1. */
export function toggle(f: Filters, facet: ListFacet, value: string): Filters {
  const has = f[facet].includes(value);
  return { ...f, [facet]: has ? f[facet].filter((v) => v !== value) : [...f[facet], value], page: 1 };
}

export const activeFilterCount = (f: Filters): number =>
  listFacets.reduce((n, facet) => n + f[facet].length, 0) +
  (f.minPrice !== undefined || f.maxPrice !== undefined ? 1 : 0) +
  (f.inStock ? 1 : 0);

export const clearFilters = (f: Filters): Filters => ({
  brand: [],
  size: [],
  colour: [],
  heel: [],
  inStock: false,
  q: f.q,
  sort: f.sort,
  page: 1,
});

/** Swatch colours of the colour families (the facet's values). */
export const familySwatch: Record<string, string> = {
  black: '#1b1b1b',
  white: '#f7f7f2',
  grey: '#8a8d91',
  brown: '#7a4a2a',
  nude: '#e3bc9a',
  red: '#b3202a',
  pink: '#e58fb0',
  blue: '#2c4f8c',
  green: '#3d6b45',
  yellow: '#e8c33a',
  multi: 'conic-gradient(#b3202a,#e8c33a,#3d6b45,#2c4f8c,#b3202a)',
  metallic: 'linear-gradient(135deg,#d9d9d9,#9a9a9a,#f0e6c8)',
  print: 'repeating-linear-gradient(45deg,#1b1b1b 0 4px,#c19a6b 4px 8px)',
};
