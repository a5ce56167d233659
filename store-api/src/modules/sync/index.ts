/** sync: the desktops' pull, push and change events, and the devices they sign in as. */
export { syncRoutes } from './sync.routes.ts';
export { createSyncService, type SyncService } from './sync.service.ts';
export type { FulfillmentWriter } from './sync-port.ts';
