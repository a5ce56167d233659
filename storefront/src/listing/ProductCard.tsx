import type { StoreProductCard } from '@shoebox/shared/store';
import { money } from '../app/format.ts';
import { Link } from '../app/router.tsx';
import { ShoeImage } from '../components/ShoeImage.tsx';

interface Props {
  product: StoreProductCard;
  /** The sizes in stock show when the shopper filters by size. */
  showSizes?: boolean;
  eager?: boolean;
}

export function ProductCard({ product: p, showSizes, eager }: Props) {
  const tint = p.colours[0]?.swatchHex ?? '#999';
  const image = p.imageUrl ? { alt: p.name, width: 640, height: 480, urls: { '640': p.imageUrl } } : null;
  return (
    <li className="card">
      <Link href={`/p/${p.slug}`} className="card-link">
        <ShoeImage
          image={image}
          tint={tint}
          label={p.name}
          sizes="(min-width: 900px) 25vw, 50vw"
          eager={eager}
        />
        <span className="card-brand">{p.brand.name}</span>
        <span className="card-name">{p.name}</span>
      </Link>
      <span className="price">
        {money(p.priceMinor, p.currency)}
        {p.compareAtMinor !== null && (
          <s className="compare">
            <span className="visually-hidden">was </span>
            {money(p.compareAtMinor, p.currency)}
          </s>
        )}
      </span>
      <ul className="swatches" aria-label={`${p.colours.length} colours`}>
        {p.colours.map((c) => (
          <li key={c.code} className="swatch" style={{ background: c.swatchHex }} title={c.name} />
        ))}
      </ul>
      {showSizes && (
        <span className="card-sizes">
          {p.sizesInStock.length ? `In stock: ${p.sizesInStock.join(', ')}` : 'Sold out'}
        </span>
      )}
      {!p.inStock && !showSizes && <span className="card-sizes">Sold out</span>}
    </li>
  );
}
