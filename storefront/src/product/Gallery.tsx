import type { StoreProductDetail } from '@shoebox/shared/store';
import { ShoeImage } from '../components/ShoeImage.tsx';

/** The product's photos in a swipeable row (scroll snap, no script); the first loads eagerly as the LCP image. */
export function Gallery({
  product,
  tint,
  colourName,
}: {
  product: StoreProductDetail;
  tint: string;
  colourName: string;
}) {
  const label = `${product.name} in ${colourName}`;
  if (product.images.length === 0)
    return (
      <div className="gallery">
        <ShoeImage image={null} tint={tint} label={label} sizes="100vw" />
      </div>
    );
  return (
    <ul className="gallery" aria-label="Photos">
      {product.images.map((image, i) => (
        <li key={image.id}>
          <ShoeImage
            image={image}
            tint={tint}
            label={label}
            sizes="(min-width: 900px) 50vw, 100vw"
            eager={i === 0}
          />
        </li>
      ))}
    </ul>
  );
}
