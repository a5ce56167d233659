/**
 * A product photo from the image pipeline (WebP renditions, `srcset`, explicit dimensions so
 * nothing shifts, lazy below the fold), or, for products without photos yet, a drawn shoe in the
 * colour's swatch so cards and galleries keep their shape.
 */
export interface ImageSource {
  alt: string;
  width: number;
  height: number;
  /** Rendition width -> URL. */
  urls: Record<string, string>;
}

interface Props {
  image: ImageSource | null;
  /** Swatch of the placeholder. */
  tint: string;
  label: string;
  sizes: string;
  eager?: boolean;
}

export function ShoeImage({ image, tint, label, sizes, eager }: Props) {
  const widths = image
    ? Object.keys(image.urls)
        .map(Number)
        .sort((a, b) => a - b)
    : [];
  if (!image || widths.length === 0) return <ShoeDrawing tint={tint} label={label} />;
  const largest = widths[widths.length - 1]!;
  return (
    <img
      className="shoe-img"
      src={image.urls[String(largest)]}
      srcSet={widths.map((w) => `${image.urls[String(w)]} ${w}w`).join(', ')}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt || label}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      {...(eager ? { fetchPriority: 'high' as const } : {})}
    />
  );
}

function ShoeDrawing({ tint, label }: { tint: string; label: string }) {
  return (
    <svg className="shoe-img" viewBox="0 0 400 300" width="400" height="300" role="img" aria-label={label}>
      <rect width="400" height="300" fill="#f3f1ee" />
      <path
        d="M60 200c0-40 10-80 30-95 10 30 40 45 80 45 30 0 60 15 90 30 30 15 70 20 90 25 15 4 20 20 15 30H70c-6 0-10-5-10-35z"
        fill={tint}
        stroke="#00000033"
        strokeWidth="3"
      />
      <path d="M70 235h270v10H70z" fill="#2b2b2b" opacity=".75" />
    </svg>
  );
}
