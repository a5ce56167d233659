import type { Router } from 'express';
import { sql } from 'drizzle-orm';
import type { Registry } from 'prom-client';
import type { Store } from '../db/client.ts';
import { databaseUnavailable, sendProblem } from './problem.ts';

/** Liveness, readiness and metrics: plain handlers, outside the API contract. */
export function mountSystemRoutes(router: Router, store: Store, registry: Registry): void {
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    try {
      await store.rows(sql`select 1 as ok`);
      res.json({ status: 'ready', database: store.dialect });
    } catch (error) {
      // The same problem+json as an API request the database could not serve, with the reason.
      const problem = databaseUnavailable(error);
      problem.details!.database = store.dialect;
      sendProblem(res, problem, req.originalUrl, String(res.locals.requestId ?? ''));
    }
  });
  router.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
}
