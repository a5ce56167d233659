/**
 * Per-page head tags: title, description, canonical URL (origin + path, without tracking or
 * paging noise) and an optional JSON-LD block (schema.org Product/Offer on product pages).
 */
import { useEffect } from 'react';

export interface PageMeta {
  title: string;
  description?: string;
  /** Path and query that identify the page, e.g. `/p/dora-western-boot`. */
  canonicalPath: string;
  jsonLd?: object;
  /** Search results and checkout pages are not for search engines. */
  noindex?: boolean;
}

function tag<T extends HTMLElement>(selector: string, create: () => T): T {
  let el = document.head.querySelector<T>(selector);
  if (!el) {
    el = create();
    document.head.append(el);
  }
  return el;
}

const meta = (name: string) =>
  tag(`meta[name="${name}"]`, () => Object.assign(document.createElement('meta'), { name }));

export function useMeta(page: PageMeta | null): void {
  const key = page ? JSON.stringify(page) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised page is the dependency
  useEffect(() => {
    if (!page) return;
    document.title = `${page.title} | Shoebox`;
    meta('description').content = page.description ?? 'Shoebox: women’s shoes in every size, delivered fast.';
    meta('robots').content = page.noindex ? 'noindex' : 'index,follow';
    const canonical = tag('link[rel="canonical"]', () =>
      Object.assign(document.createElement('link'), { rel: 'canonical' }),
    );
    canonical.href = location.origin + page.canonicalPath;
    const ld = document.head.querySelector('script[type="application/ld+json"]');
    ld?.remove();
    if (page.jsonLd) {
      const script = document.createElement('script');
      script.type = 'application/ld+json';
      script.textContent = JSON.stringify(page.jsonLd);
      document.head.append(script);
    }
  }, [key]);
}
