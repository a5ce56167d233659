/**
 * The product feed for shopping and social channels (Google Merchant Center, Meta catalog): one
 * item per sellable size, grouped by product, built from the store read model so it shows exactly
 * what the shop shows. Pure functions: rows in, CSV or RSS 2.0 XML (the `g:` namespace) out.
 */
import { imageUrls } from '@shoebox/shared/contracts';
import { byText, type CatalogSource } from './catalog-source.ts';

export interface FeedItem {
  id: string;
  item_group_id: string;
  title: string;
  description: string;
  link: string;
  image_link: string;
  availability: 'in_stock' | 'out_of_stock';
  price: string;
  sale_price: string;
  brand: string;
  gtin: string;
  size: string;
  color: string;
  gender: 'female';
  age_group: 'adult';
  condition: 'new';
  product_type: string;
}

/** Column order of the CSV and element order of the XML: the channels' own attribute names. */
export const FEED_FIELDS: readonly (keyof FeedItem)[] = [
  'id',
  'item_group_id',
  'title',
  'description',
  'link',
  'image_link',
  'availability',
  'price',
  'sale_price',
  'brand',
  'gtin',
  'size',
  'color',
  'gender',
  'age_group',
  'condition',
  'product_type',
];

/** "89.00 EUR": the channels want a decimal amount and the ISO code (every shop currency has cents). */
const feedPrice = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

/** Every active size of every active product, by product slug then colour then size. */
export function feedItems(source: CatalogSource, shopUrl: string): FeedItem[] {
  const items: FeedItem[] = [];
  const products = [...source.products.values()].sort((a, b) => byText(a.slug, b.slug));
  for (const product of products) {
    const brand = source.brands.get(product.brandId);
    const category = source.categories.get(product.categoryId);
    const image = source.images.get(product.id)?.[0];
    const imagePath = image ? Object.values(imageUrls(image.id, image.width)).at(-1) : undefined;
    const variants = [...(source.variants.get(product.id) ?? [])].sort(
      (a, b) => byText(a.colourId, b.colourId) || a.sizeEuTenths - b.sizeEuTenths || byText(a.width, b.width),
    );
    for (const v of variants) {
      const colour = source.colours.get(v.colourId);
      if (!colour || !brand) continue;
      const price = v.priceMinor ?? product.basePriceMinor;
      const onSale = v.compareAtMinor !== null && v.compareAtMinor > price;
      const size = String(v.sizeEuTenths / 10);
      items.push({
        id: v.sku,
        item_group_id: product.slug,
        title: `${brand.name} ${product.name}, ${colour.name}, EU ${size}`,
        description: product.description,
        link: `${shopUrl}/p/${product.slug}?colour=${encodeURIComponent(colour.code)}`,
        image_link: imagePath ? `${shopUrl}${imagePath}` : '',
        availability: (source.available.get(v.id) ?? 0) > 0 ? 'in_stock' : 'out_of_stock',
        // A sale: the compare-at price is the regular one, the selling price the sale price.
        price: feedPrice(onSale ? v.compareAtMinor! : price, product.currency),
        sale_price: onSale ? feedPrice(price, product.currency) : '',
        brand: brand.name,
        gtin: v.gtin ?? '',
        size,
        color: colour.name,
        gender: 'female',
        age_group: 'adult',
        condition: 'new',
        product_type: category ? `Shoes > ${category.name}` : 'Shoes',
      });
    }
  }
  return items;
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function feedCsv(items: readonly FeedItem[]): string {
  const lines = [FEED_FIELDS.join(',')];
  for (const item of items) lines.push(FEED_FIELDS.map((f) => csvCell(item[f])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

// Characters XML 1.0 does not allow at all (a pasted description can carry them).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlText = (value: string) =>
  value
    .replace(XML_INVALID, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

/** RSS 2.0 with Google's `g:` namespace, which Meta's catalog reads as well. Empty values are left out. */
export function feedXml(items: readonly FeedItem[], shopUrl: string): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">',
    '<channel>',
    '<title>Shoebox</title>',
    `<link>${xmlText(shopUrl)}</link>`,
    '<description>Women’s shoes from Shoebox</description>',
  ];
  for (const item of items) {
    out.push('<item>');
    for (const f of FEED_FIELDS) if (item[f]) out.push(`<g:${f}>${xmlText(item[f])}</g:${f}>`);
    out.push('</item>');
  }
  out.push('</channel>', '</rss>', '');
  return out.join('\n');
}
