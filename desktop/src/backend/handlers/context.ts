import type { MutationEnvelope } from '@shoebox/sync/protocol';
import { type MutationReceipt, type Session, ipcError } from '../../ipc/index.ts';
import type { CacheView } from '../local/cache-view.ts';
import type { CatalogService } from '../local/catalog-service.ts';
import type { InventoryService } from '../local/inventory-service.ts';
import type { OrdersService } from '../local/orders-service.ts';
import { type Visibility, visibilityOf } from '../local/visibility.ts';
import type { ServerCatalog } from '../server-catalog.ts';
import type { ServerReads } from '../server-reads.ts';
import type { SyncEngine } from '../sync/engine.ts';

/** What the domain handler maps are built from: the services, the engine, who is signed in. */
export interface HandlerContext {
  session(): Session | null;
  engine: SyncEngine;
  view: CacheView;
  catalog: CatalogService;
  inventory: InventoryService;
  orders: OrdersService;
  server: ServerReads;
  /** The catalogue writes that need the shop server (new products, variants, images, CSV). */
  catalogApi: ServerCatalog;
}

/** The signed-in session (dispatch already refused calls without one). */
export function signedIn(ctx: HandlerContext): Session {
  const session = ctx.session();
  if (!session) throw ipcError('IPC_SIGN_IN_REQUIRED', 'Sign in first.');
  return session;
}

export const seeFor = (ctx: HandlerContext): Visibility => visibilityOf(signedIn(ctx).user.role);

/** The answer of a write: it is in the outbox (on disk) and in the view. */
export function receipt(envelopes: readonly MutationEnvelope[]): MutationReceipt {
  const [first] = envelopes;
  if (!first) throw new Error('receipt of no mutation');
  return {
    mutationId: first.id,
    mutationIds: envelopes.map((e) => e.id),
    queuedAt: new Date(first.clientTime).toISOString(),
  };
}
