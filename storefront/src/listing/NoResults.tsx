import type { StoreCategoryList } from '@shoebox/shared/store';
import { api } from '../app/api.ts';
import { Link } from '../app/router.tsx';
import { useFetch } from '../app/use-fetch.ts';

/** Nothing matched: say so, and offer ways on (fewer filters, the categories). */
export function NoResults({
  query,
  filtered,
  onClear,
}: {
  query?: string;
  filtered: boolean;
  onClear: () => void;
}) {
  const { data: categories } = useFetch<StoreCategoryList>('categories', () => api.store.categories());
  return (
    <div className="no-results">
      <h2>{query ? `No shoes match “${query}”` : 'No shoes match these filters'}</h2>
      <p>Check the spelling, try a shorter word such as “boot” or “sandal”, or browse a category.</p>
      {filtered && (
        <button type="button" className="primary" onClick={onClear}>
          Clear the filters
        </button>
      )}
      {categories && (
        <ul className="chips">
          {categories.map((c) => (
            <li key={c.slug}>
              <Link href={`/c/${c.slug}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
