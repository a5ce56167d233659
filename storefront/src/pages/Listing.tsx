/** Category and search listings: facets, sorting and pages, all in the URL. */
import { useRef, useState } from 'react';
import { listingLoader } from '../app/loaders.ts';
import { useMeta } from '../app/meta.ts';
import { navigate, useLocation } from '../app/router.tsx';
import { useFetch } from '../app/use-fetch.ts';
import { FacetFilters } from '../listing/FacetFilters.tsx';
import {
  activeFilterCount,
  clearFilters,
  type Filters,
  filtersFrom,
  PAGE_SIZE,
  searchOf,
  sortLabels,
} from '../listing/filters.ts';
import { NoResults } from '../listing/NoResults.tsx';
import { Pagination } from '../listing/Pagination.tsx';
import { ProductCard } from '../listing/ProductCard.tsx';

export default function Listing({ category }: { category?: string }) {
  const { pathname, search } = useLocation();
  const filters = filtersFrom(search);
  const loader = listingLoader(pathname, search, category);
  const { data, error } = useFetch(loader.key, loader.load);
  const [sheetOpen, setSheetOpen] = useState(false);
  const sheet = useRef<HTMLElement>(null);
  const categoryName = category ? data?.facets.category.find((c) => c.value === category)?.label : undefined;
  const title = category ? (categoryName ?? 'Shoes') : filters.q ? `Results for “${filters.q}”` : 'All shoes';
  useMeta({
    title,
    description: category ? `${title} at Shoebox: every size, delivered fast.` : undefined,
    canonicalPath: category
      ? `/c/${category}`
      : `/search${filters.q ? `?q=${encodeURIComponent(filters.q)}` : ''}`,
    noindex: !category,
  });

  const apply = (next: Filters) => navigate(pathname + searchOf(next), { keepScroll: true });
  const openSheet = () => {
    setSheetOpen(true);
    requestAnimationFrame(() => sheet.current?.focus());
  };
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!data) return <p className="loading">Loading…</p>;
  const active = activeFilterCount(filters);
  const currency = data.items[0]?.currency ?? 'EUR';

  return (
    <div className="listing">
      <div className="listing-head">
        <h1>{title}</h1>
        <p className="muted" aria-live="polite">
          {data.total} {data.total === 1 ? 'style' : 'styles'}
        </p>
      </div>
      <div className="listing-tools">
        <button type="button" className="filters-button" onClick={openSheet} aria-expanded={sheetOpen}>
          Filters{active ? ` (${active})` : ''}
        </button>
        <label>
          <span className="visually-hidden">Sort by</span>
          <select
            value={filters.sort}
            onChange={(e) => apply({ ...filters, sort: e.target.value as Filters['sort'], page: 1 })}
          >
            {Object.entries(sortLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="listing-body">
        <section
          ref={sheet}
          className={sheetOpen ? 'sheet open' : 'sheet'}
          aria-label="Filters"
          tabIndex={-1}
        >
          <div className="sheet-head">
            <h2>Filters</h2>
            {active > 0 && (
              <button type="button" className="link" onClick={() => apply(clearFilters(filters))}>
                Clear all
              </button>
            )}
          </div>
          <FacetFilters facets={data.facets} filters={filters} currency={currency} onChange={apply} />
          <button type="button" className="primary sheet-done" onClick={() => setSheetOpen(false)}>
            Show {data.total} {data.total === 1 ? 'style' : 'styles'}
          </button>
        </section>
        <section className="results" aria-label="Products">
          {data.total === 0 ? (
            <NoResults query={filters.q} filtered={active > 0} onClear={() => apply(clearFilters(filters))} />
          ) : (
            <ul className="grid">
              {data.items.map((p, i) => (
                <ProductCard key={p.id} product={p} showSizes={filters.size.length > 0} eager={i < 2} />
              ))}
            </ul>
          )}
          <Pagination
            page={filters.page}
            pages={Math.ceil(data.total / PAGE_SIZE)}
            hrefOf={(page) => pathname + searchOf({ ...filters, page })}
          />
        </section>
      </div>
    </div>
  );
}
