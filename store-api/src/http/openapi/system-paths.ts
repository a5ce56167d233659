/** The system probes and the site-root crawler files, mounted by hand rather than through defineRoute. */
import type { Json, OpenApiDocument } from './openapi-types.ts';

export function systemPaths(): OpenApiDocument['paths'] {
  const probe = (operationId: string, summary: string, responses: Json): Json => ({
    operationId,
    summary,
    tags: ['System'],
    security: [],
    responses,
    'x-access': 'public',
  });
  const json = (schema: Json) => ({ 'application/json': { schema } });
  return {
    '/healthz': {
      get: probe('getHealthz', 'Liveness: the process answers', {
        '200': {
          description: 'Alive.',
          content: json({ type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] }),
        },
      }),
    },
    '/readyz': {
      get: probe('getReadyz', 'Readiness: the database answers', {
        '200': {
          description: 'Ready to serve.',
          content: json(readiness('ready')),
        },
        '503': {
          description: 'The database does not answer.',
          content: json(readiness('unavailable')),
        },
      }),
    },
    '/metrics': {
      get: probe('getMetrics', 'Prometheus metrics (text exposition format)', {
        '200': {
          description: 'Metrics in the Prometheus text format.',
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
      }),
    },
    // The storefront's files for crawlers (modules/storefront-catalog/seo.routes.ts).
    '/sitemap.xml': {
      get: probe('getSitemapXml', 'The storefront sitemap: home, every category and every listed product', {
        '200': {
          description: 'A sitemaps.org URL set on the shop’s public URL.',
          content: { 'application/xml': { schema: { type: 'string' } } },
        },
      }),
    },
    '/robots.txt': {
      get: probe('getRobotsTxt', 'Crawl rules for the storefront, naming the sitemap', {
        '200': {
          description: 'robots.txt: the shop may be crawled; the API, bag, checkout and accounts not.',
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
      }),
    },
  };
}

function readiness(status: string): Json {
  return {
    type: 'object',
    properties: { status: { const: status }, database: { type: 'string', enum: ['mysql', 'sqlite'] } },
    required: ['status', 'database'],
  };
}
