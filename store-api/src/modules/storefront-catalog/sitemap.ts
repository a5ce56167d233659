/**
 * sitemap.xml and robots.txt for the storefront, which store-api serves at the site root: every
 * category listing and every listed product, with absolute URLs on the shop's public origin.
 */
import type { CatalogIndex } from './catalog-index.ts';

const xmlText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The shop's indexable pages: home, each category, each listed product (checkout, account and search stay out). */
export function sitemapPaths(index: CatalogIndex): string[] {
  const products = [...index.productBySlug.keys()].sort();
  return [
    '/',
    ...index.categories.map((c) => `/c/${encodeURIComponent(c.slug)}`),
    ...products.map((slug) => `/p/${encodeURIComponent(slug)}`),
  ];
}

export function sitemapXml(paths: readonly string[], origin: string): string {
  const urls = paths.map((p) => `  <url><loc>${xmlText(origin + p)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** Crawlers may read the shop but not the API, the bag, checkout or accounts. */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /store/',
    'Disallow: /admin/',
    'Disallow: /cart',
    'Disallow: /checkout',
    'Disallow: /account',
    'Disallow: /order/',
    'Disallow: /track/',
    'Disallow: /returns',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
