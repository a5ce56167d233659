import { arrivalsLoader, categoriesLoader } from '../app/loaders.ts';
import { useMeta } from '../app/meta.ts';
import { Link } from '../app/router.tsx';
import { useFetch } from '../app/use-fetch.ts';
import { ProductCard } from '../listing/ProductCard.tsx';

export default function Home() {
  useMeta({
    title: 'Women’s shoes in every size',
    description: 'Boots, heels, flats, sandals and sneakers in EU 35 to 43, with free returns.',
    canonicalPath: '/',
  });
  const c = categoriesLoader();
  const a = arrivalsLoader();
  const categories = useFetch(c.key, c.load);
  const arrivals = useFetch(a.key, a.load);
  return (
    <div className="home">
      <section className="hero">
        <h1>Shoes that fit, in the size you wear</h1>
        <p>EU 35 to 43, half sizes included. Free returns within 30 days.</p>
      </section>
      <section aria-labelledby="categories-title">
        <h2 id="categories-title">Shop by category</h2>
        <ul className="categories">
          {categories.data?.map((c) => (
            <li key={c.slug}>
              <Link href={`/c/${c.slug}`}>
                <span>{c.name}</span>
                <small>{c.productCount} styles</small>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-title">
        <h2 id="new-title">New arrivals</h2>
        {arrivals.error && <p className="error">{arrivals.error}</p>}
        <ul className="grid">
          {arrivals.data?.items.map((p, i) => (
            <ProductCard key={p.id} product={p} eager={i < 2} />
          ))}
        </ul>
      </section>
    </div>
  );
}
