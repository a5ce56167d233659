import type { StoreProductList } from '@shoebox/shared/store';
import { api } from '../app/api.ts';
import { useFetch } from '../app/use-fetch.ts';
import { ProductCard } from '../listing/ProductCard.tsx';

/** "You may also like": popular styles of the same category until a recommendations endpoint exists. */
export function AlsoLike({ category, exceptSlug }: { category: string; exceptSlug: string }) {
  const { data } = useFetch<StoreProductList>(`also:${category}`, () =>
    api.store.products.list({ category: [category], inStock: true, pageSize: 5 }),
  );
  const items = data?.items.filter((p) => p.slug !== exceptSlug).slice(0, 4) ?? [];
  if (items.length === 0) return null;
  return (
    <section className="also-like" aria-labelledby="also-title">
      <h2 id="also-title">You may also like</h2>
      <ul className="grid">
        {items.map((p) => (
          <ProductCard key={p.id} product={p} />
        ))}
      </ul>
    </section>
  );
}
