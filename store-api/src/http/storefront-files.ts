/**
 * Serves the built storefront (a folder of static files: `index.html` plus hashed `assets/`) at
 * `/`. store-api knows nothing of the storefront's code; it only serves its files:
 * - hashed assets are immutable (a new build has new names), cached for a year;
 * - HTML is revalidated on every visit (`no-cache`), so a deploy shows at once;
 * - client routes (`/p/dora-western-boot`, `/c/boots?size=38`) get `index.html` (the SPA fallback),
 *   but never the API's own prefixes, so an unknown `/store/...` or `/admin/...` path still answers
 *   a 404 problem document rather than a web page.
 * - JS and CSS go out as the build's precompressed `.br` / `.gz` twins when the browser takes them.
 * Mounted after the API routes, so API requests never touch the file system.
 */
import { existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import express, { type Request, type Response, type NextFunction, type Router } from 'express';
import { sameOriginCsp } from './same-origin-csp.ts';

/** Paths the SPA fallback never answers (the API, its documents and the operations endpoints). */
const reservedPrefixes = [
  '/store',
  '/admin',
  '/docs',
  '/webhooks',
  '/media',
  '/openapi.json',
  '/healthz',
  '/readyz',
  '/metrics',
];
const isReserved = (path: string) => reservedPrefixes.some((p) => path === p || path.startsWith(`${p}/`));

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
const assetTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A hashed JS or CSS asset in the encoding the browser prefers among those the build wrote. */
function precompressed(dir: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const type = assetTypes[extname(req.path)];
    if (!type || !req.path.startsWith('/assets/') || (req.method !== 'GET' && req.method !== 'HEAD'))
      return next();
    const file = normalize(join(dir, req.path));
    if (!file.startsWith(join(dir, 'assets'))) return next();
    const accepted = req.acceptsEncodings(encodings.map((e) => e.name));
    const encoding = encodings.find((e) => e.name === accepted && existsSync(file + e.suffix));
    if (!encoding) return next();
    res.setHeader('content-type', type);
    res.setHeader('content-encoding', encoding.name);
    res.setHeader('vary', 'accept-encoding');
    res.setHeader('cache-control', IMMUTABLE);
    res.sendFile(file + encoding.suffix);
  };
}

/** True when `dir` holds a built storefront. */
export const hasStorefront = (dir: string): boolean => existsSync(join(dir, 'index.html'));

/** Mounts the files of `dir` and the SPA fallback on `router`; does nothing when the folder is not built. */
export function mountStorefront(router: Router, dir: string): void {
  if (!hasStorefront(dir)) return;
  const index = join(dir, 'index.html');
  router.use(precompressed(dir));
  router.use(
    express.static(dir, {
      index: false,
      redirect: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.includes(`${join(dir, 'assets')}`) ? IMMUTABLE : REVALIDATE);
      },
    }),
  );
  router.get('/{*splat}', (req, res, next) => {
    // Files that do not exist (an old hashed asset, /favicon.ico) stay 404s; so do API prefixes.
    if (isReserved(req.path) || req.path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(req.path))
      return next();
    // Only a browser asking for a page (not an API client sending Accept: */*) gets the app.
    if (!(req.headers.accept ?? '').includes('text/html')) return next();
    sameOriginCsp(req, res, () => {
      res.setHeader('cache-control', REVALIDATE);
      res.sendFile(index);
    });
  });
}
