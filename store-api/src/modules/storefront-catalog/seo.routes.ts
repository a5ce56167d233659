import type { Router } from 'express';
import { systemContext } from '../../lib/request-context.ts';
import { robotsTxt, sitemapXml } from './sitemap.ts';
import type { StoreCatalogService } from './store-catalog.service.ts';

/** Crawlers may keep these an hour: a new product shows up in the next crawl, not this minute. */
const CACHE_CONTROL = 'public, max-age=3600';

/**
 * sitemap.xml and robots.txt at the site root (store-api serves the storefront at `/`), with the
 * shop's configured public URL (`STOREFRONT_URL`), never the request's Host header. Plain handlers
 * like the system probes (documented in http/openapi/system-paths.ts): they answer XML and text,
 * which the route table's JSON contracts do not describe. A failure (the database down before the
 * catalog first loaded) goes to the problem handler like any other.
 */
export function mountSeoFiles(router: Router, catalog: StoreCatalogService, storefrontUrl: string): void {
  const origin = storefrontUrl.replace(/\/+$/, '');
  router.get('/sitemap.xml', async (_req, res, next) => {
    try {
      const paths = await catalog.sitemapPaths(
        systemContext({ requestId: String(res.locals.requestId ?? 'sitemap') }),
      );
      res.setHeader('Cache-Control', CACHE_CONTROL);
      res.type('application/xml; charset=utf-8').send(sitemapXml(paths, origin));
    } catch (e) {
      next(e);
    }
  });
  router.get('/robots.txt', (_req, res) => {
    res.setHeader('Cache-Control', CACHE_CONTROL);
    res.type('text/plain; charset=utf-8').send(robotsTxt(origin));
  });
}
