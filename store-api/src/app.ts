import cors from 'cors';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Config } from './config/env.ts';
import type { Store } from './db/client.ts';
import { createMetrics } from './http/metrics.ts';
import { mountRoutes, requestIdMiddleware } from './http/mount.ts';
import { problemHandler } from './http/problem.ts';
import { requestLog } from './http/request-log.ts';
import { mountSystemRoutes } from './http/system.routes.ts';
import { mountApiDocs } from './http/openapi/docs-page.ts';
import { mountStorefront } from './http/storefront-files.ts';
import { mountSeoFiles } from './modules/storefront-catalog/index.ts';
import { allRoutes } from './routes.ts';
import { createServices } from './services.ts';
import { wireDemoPayments } from './modules/checkout/index.ts';
import { httpErrors } from './http/http.errors.ts';

export interface AppDeps {
  store: Store;
  config: Config;
  log: Logger;
}

/** Builds the Express app; tests import this with their own store and config. */
export function createApp({ store, config, log }: AppDeps) {
  const services = createServices(store, config);
  wireDemoPayments(services, log);
  const routes = allRoutes(store, services);
  const metrics = createMetrics();
  const app = express();

  app.disable('x-powered-by');
  // Off by default: otherwise any same-host caller could pick its own rate-limit key (issue 19).
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  app.use(requestIdMiddleware);
  app.use(requestLog(log));
  app.use(metrics.middleware);
  app.use(helmet());
  app.use(cors({ origin: config.corsOrigins, exposedHeaders: ['x-request-id', 'etag'] }));

  const router = express.Router();
  mountSystemRoutes(router, store, metrics.registry);
  mountApiDocs(router, routes);
  mountRoutes(router, routes, {
    log,
    authenticate: services.auth.authenticate,
    rateLimiters: {
      auth: perIpLimit(config.authRateLimitPerMinute, 'Too many attempts; wait a minute and try again.'),
      checkout: perIpLimit(
        config.checkoutRateLimitPerMinute,
        'Too many checkouts from here; wait a minute and try again.',
      ),
      sync: perIpLimit(config.syncRateLimitPerMinute, 'Too many sync requests from here; wait a minute.'),
    },
    bodyLimitBytes: config.bodyLimitBytes,
    rawLimitBytes: config.imageMaxBytes,
  });
  mountSeoFiles(router, services.storeCatalog, config.storefrontUrl);
  mountStorefront(router, config.storefrontDir);
  app.use(router);
  app.use((req, _res, next) => {
    next(httpErrors.routeNotFound(req.method, req.path));
  });
  app.use(problemHandler(log));
  return { app, services, routes };
}

/** A budget per client IP and minute (IPv6 grouped by /56, the library default); in memory, per instance. */
function perIpLimit(limit: number, message: string) {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // With TRUST_PROXY off a forwarded header is ignored on purpose, not a misconfiguration.
    validate: { xForwardedForHeader: false },
    handler: (_req, _res, next) => next(httpErrors.rateLimited(message)),
  });
}
