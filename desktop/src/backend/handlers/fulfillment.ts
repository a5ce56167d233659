import { notFound } from '@shoebox/shared';
import type { fulfillmentSpecs } from '../../ipc/handlers/fulfillment.ts';
import type { Handlers } from '../../ipc/index.ts';
import type { BlockRefill } from '../fulfillment/block-refill.ts';
import type { DeviceSettings } from '../fulfillment/device-settings.ts';
import type { FulfillmentServer } from '../fulfillment/fulfillment-server.ts';
import type { PackService } from '../fulfillment/pack-service.ts';
import type { PickReads } from '../fulfillment/pick-reads.ts';
import type { createShipmentReturnReads } from '../fulfillment/shipment-return-reads.ts';
import { type TrackingBlocks, WARN_BELOW } from '../fulfillment/tracking-blocks.ts';
import { iso } from '../local/visibility.ts';
import { type HandlerContext, receipt, seeFor } from './context.ts';

export type FulfillmentHandlers = Pick<Handlers, keyof typeof fulfillmentSpecs>;

export interface FulfillmentDeps {
  picks: PickReads;
  pack: PackService;
  reads: ReturnType<typeof createShipmentReturnReads>;
  blocks: TrackingBlocks;
  refill: BlockRefill;
  settings: DeviceSettings;
  server: FulfillmentServer;
}

const missingCodes = {
  PICK_BATCH: 'PICK_BATCH_NOT_FOUND',
  SHIPMENT: 'SHIPMENT_NOT_FOUND',
  RETURN: 'RETURN_NOT_FOUND',
} as const;
const missing = (what: keyof typeof missingCodes, id: string) =>
  notFound(missingCodes[what], 'It is not on this device (yet): sync, then try again.', { id });

/**
 * Pick, pack, ship and returns (decision 0040). Thin: reads come from the mirror, warehouse steps
 * are sync mutations on disk before the answer, documents render here; only creating a batch,
 * advancing tracking and refunding call the server.
 */
export const fulfillmentHandlers = (ctx: HandlerContext, f: FulfillmentDeps): FulfillmentHandlers => {
  const mutate = ctx.engine.mutate;
  const batchOr404 = (id: string) => {
    const found = f.picks.batch(id);
    if (!found) throw missing('PICK_BATCH', id);
    return found;
  };
  return {
    'pick.batches': async () => f.picks.batches(),
    'pick.batch': async ({ batchId }) => batchOr404(batchId),
    'pick.create': async (args) => {
      const made = await f.server.createBatch(args);
      await ctx.engine.syncNow().catch(() => undefined);
      return f.picks.batch(made.id) ?? batchOr404(made.id);
    },
    'pick.confirm': async ({ batchId, lineId, scan }) =>
      receipt([await mutate('pick.confirm-line', { batchId, lineId, ...(scan ? { scan } : {}) })]),
    'pick.short': async (args) => receipt([await mutate('pick.short', args)]),
    'pack.open': async ({ scan }) => f.pack.open(scan),
    'pack.scan': async ({ orderId, accepted, scan }) => f.pack.scan(orderId, accepted, scan),
    'pack.complete': async (args) => {
      const done = await f.pack.complete(args);
      return {
        receipt: receipt(done.envelopes),
        documents: done.documents,
        trackingNumbersLeft: done.trackingNumbersLeft,
      };
    },
    'shipments.list': async (args) => f.reads.shipments(args),
    'shipments.documents': async ({ shipmentId }) => f.pack.reprint(shipmentId),
    'shipments.void': async (args) => receipt([await mutate('shipment.void', args)]),
    'shipments.track': async ({ shipmentId, status }) => {
      await f.server.track(shipmentId, status);
      await ctx.engine.syncNow().catch(() => undefined);
      const row = f.reads.shipment(shipmentId);
      if (!row) throw missing('SHIPMENT', shipmentId);
      return row;
    },
    'shipments.batchLabels': async ({ batchId }) => {
      const batch = f.picks.raw(batchId);
      if (!batch) throw missing('PICK_BATCH', batchId);
      return f.pack.batchLabels(batch);
    },
    'shipments.trackingBlock': async () => {
      void f.refill.ifLow();
      const at = f.blocks.lastRefillAt();
      return {
        carrier: 'house',
        left: f.blocks.left(),
        warnBelow: WARN_BELOW,
        lastRefillAt: at === null ? null : iso(at),
      };
    },
    'returns.list': async (args) => f.reads.returns(args),
    'returns.detail': async ({ returnId }) => {
      const found = f.reads.returnDetail(returnId, seeFor(ctx));
      if (!found) throw missing('RETURN', returnId);
      return found;
    },
    'returns.receive': async (args) => receipt([await mutate('return.receive', args)]),
    'returns.refund': async ({ returnId }) => {
      await f.server.refundReturn(returnId);
      await ctx.engine.syncNow().catch(() => undefined);
      const found = f.reads.returnDetail(returnId, seeFor(ctx));
      if (!found) throw missing('RETURN', returnId);
      return found;
    },
    'printing.settings': async () => f.settings.printers(),
    'printing.saveSettings': async (settings) => {
      f.settings.savePrinters(settings);
      return f.settings.printers();
    },
  };
};
