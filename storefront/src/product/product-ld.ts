import type { StoreProductDetail } from '@shoebox/shared/store';

/**
 * schema.org Product with one Offer per variant (colour x size): price, availability per size and
 * the GTIN when the variant has one, so search engines can show and match each size.
 */
export function productJsonLd(p: StoreProductDetail, origin: string): object {
  const url = `${origin}/p/${p.slug}`;
  const image = p.images.flatMap((i) => {
    const widths = Object.keys(i.urls)
      .map(Number)
      .sort((a, b) => b - a);
    return widths.length ? [origin + i.urls[String(widths[0])]] : [];
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: p.description,
    brand: { '@type': 'Brand', name: p.brand.name },
    category: p.category.name,
    material: p.material,
    url,
    ...(image.length ? { image } : {}),
    offers: p.colours.flatMap((c) =>
      c.variants.map((v) => ({
        '@type': 'Offer',
        sku: v.sku,
        ...(v.gtin ? { gtin: v.gtin } : {}),
        name: `${p.name}, ${c.name}, EU ${v.sizeLabels.eu}`,
        price: (v.priceMinor / 100).toFixed(2),
        priceCurrency: p.currency,
        availability: v.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
        itemCondition: 'https://schema.org/NewCondition',
        url: `${url}?colour=${encodeURIComponent(c.code)}`,
      })),
    ),
  };
}
