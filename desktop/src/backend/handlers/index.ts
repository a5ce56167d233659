import type Database from 'better-sqlite3';
import type { Session } from '../../ipc/index.ts';
import { CacheView } from '../local/cache-view.ts';
import { createCatalogService } from '../local/catalog-service.ts';
import { createInventoryService } from '../local/inventory-service.ts';
import { createOrdersService } from '../local/orders-service.ts';
import type { ServerCatalog } from '../server-catalog.ts';
import type { ServerReads } from '../server-reads.ts';
import type { SyncEngine } from '../sync/engine.ts';
import { catalogHandlers } from './catalog.ts';
import type { HandlerContext } from './context.ts';
import { dashboardHandlers } from './dashboard.ts';
import { type FulfillmentDeps, fulfillmentHandlers } from './fulfillment.ts';
import { inventoryHandlers } from './inventory.ts';
import { orderMoneyHandlers } from './order-money.ts';
import { orderHandlers } from './orders.ts';
import { productAdminHandlers } from './product-admin.ts';
import { productHandlers } from './products.ts';
import { settingsHandlers } from './settings.ts';
import { syncHandlers } from './sync.ts';

export type { HandlerContext } from './context.ts';

/** The services over the cache and the domain handler maps built on them. */
export function createDomainHandlers(deps: {
  db: Database.Database;
  engine: SyncEngine;
  server: ServerReads;
  catalogApi: ServerCatalog;
  session: () => Session | null;
  fulfillment: Omit<FulfillmentDeps, 'picks' | 'pack' | 'reads'> & {
    packFor(view: CacheView): Pick<FulfillmentDeps, 'picks' | 'pack' | 'reads'>;
  };
}) {
  const view = new CacheView(deps.db, deps.engine.client);
  const catalog = createCatalogService(view);
  const ctx: HandlerContext = {
    session: deps.session,
    engine: deps.engine,
    view,
    catalog,
    inventory: createInventoryService(view, catalog),
    orders: createOrdersService(view, (id) => deps.server.order(id)),
    server: deps.server,
    catalogApi: deps.catalogApi,
  };
  return {
    ...syncHandlers(ctx),
    ...catalogHandlers(ctx),
    ...productHandlers(ctx),
    ...productAdminHandlers(ctx),
    ...inventoryHandlers(ctx),
    ...orderHandlers(ctx),
    ...orderMoneyHandlers(ctx),
    ...settingsHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...fulfillmentHandlers(ctx, { ...deps.fulfillment, ...deps.fulfillment.packFor(view) }),
  };
}
