import type { Router } from 'express';
import { sql } from 'drizzle-orm';
import type { Registry } from 'prom-client';
import type { Store } from '../db/client.ts';

/** Liveness, readiness and metrics: plain handlers, outside the API contract. */
export function mountSystemRoutes(router: Router, store: Store, registry: Registry): void {
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await store.rows(sql`select 1 as ok`);
      res.json({ status: 'ready', database: store.dialect });
    } catch {
      res.status(503).json({ status: 'unavailable', database: store.dialect });
    }
  });
  router.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
}
