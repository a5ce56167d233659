import type Database from 'better-sqlite3';
import type { BackendConfig } from '../config.ts';
import type { CacheView } from '../local/cache-view.ts';
import type { SyncEngine } from '../sync/engine.ts';
import type { SyncAuth } from '../sync/sync-auth.ts';
import { createBlockRefill } from './block-refill.ts';
import { createDeviceSettings } from './device-settings.ts';
import { createLocalLabels } from './documents.ts';
import { createFulfillmentServer } from './fulfillment-server.ts';
import { createPackService } from './pack-service.ts';
import { createPickReads } from './pick-reads.ts';
import { createShipmentReturnReads } from './shipment-return-reads.ts';
import { createTrackingBlocks } from './tracking-blocks.ts';

/** The warehouse's part of the backend (decision 0040): device block, settings, labels, services. */
export function createFulfillment(deps: {
  db: Database.Database;
  engine: SyncEngine;
  config: Pick<BackendConfig, 'apiUrl' | 'requestTimeoutMs' | 'log'>;
  auth: SyncAuth;
  deviceId: string;
  online: () => boolean;
}) {
  const blocks = createTrackingBlocks(deps.db);
  const settings = createDeviceSettings(deps.db);
  const labels = createLocalLabels(deps.db);
  const server = createFulfillmentServer(deps.config, deps.auth);
  const refill = createBlockRefill({
    deviceId: deps.deviceId,
    blocks,
    settings,
    server,
    online: deps.online,
    log: (message, extra) => deps.config.log('warn', message, extra),
  });
  return {
    blocks,
    settings,
    server,
    refill,
    packFor: (view: CacheView) => ({
      picks: createPickReads(view),
      reads: createShipmentReturnReads(
        view,
        () => settings.profile()?.returnUrlBase.replace(/\/returns$/, '') ?? null,
      ),
      pack: createPackService({
        view,
        blocks,
        labels,
        settings,
        mutate: (name, args) => deps.engine.mutate(name, args as never),
        onNumberTaken: () => void refill.ifLow(),
      }),
    }),
  };
}
