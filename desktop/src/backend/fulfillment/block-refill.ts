import type { FulfillmentServer } from './fulfillment-server.ts';
import type { DeviceSettings } from './device-settings.ts';
import { BLOCK_SIZE, type TrackingBlocks, WARN_BELOW } from './tracking-blocks.ts';

/**
 * Keeps this device's block topped up while online: at sign-in, and whenever a label leaves fewer
 * than WARN_BELOW numbers. One refill at a time; a failure (offline, no labels:print) is logged
 * and tried again at the next chance. The block answer also brings the sender labels print.
 */
export function createBlockRefill(deps: {
  deviceId: string;
  blocks: TrackingBlocks;
  settings: DeviceSettings;
  server: FulfillmentServer;
  online: () => boolean;
  log: (message: string, extra?: unknown) => void;
}) {
  let running: Promise<void> | null = null;
  const refill = async () => {
    const block = await deps.server.reserveBlock(deps.deviceId, BLOCK_SIZE);
    deps.blocks.add({ id: block.id, firstSerial: block.firstSerial, lastSerial: block.lastSerial });
    deps.settings.saveProfile({ shipFrom: block.shipFrom, returnUrlBase: block.returnUrlBase });
  };
  return {
    /** Reserves a block when fewer than WARN_BELOW numbers are left (or `force`), if online. */
    ifLow(force = false): Promise<void> {
      if (running) return running;
      if (!force && (!deps.online() || deps.blocks.left() >= WARN_BELOW)) return Promise.resolve();
      running = refill()
        .catch((error: unknown) => deps.log('tracking block not reserved', String(error)))
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}
export type BlockRefill = ReturnType<typeof createBlockRefill>;
