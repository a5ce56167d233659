import type { FulfillmentWriter } from '../modules/sync/index.ts';
import type { FulfillmentService } from '../modules/fulfillment/index.ts';
import type { ReturnsService } from '../modules/returns/index.ts';
import { recordDeviceShipment, voidDeviceShipment } from './device-shipment.flow.ts';
import type { ShipmentDeps } from './shipment.flow.ts';

/**
 * The warehouse steps desktops push (decision 0040), written through the modules that own them,
 * inside the push transaction. Each module checks its own rules again (the scans at the pack
 * station, the line still open, the tracking number from this device's block); a refusal is a
 * DomainError, which sync records as the mutation's rejection with the module's code.
 */
export function createSyncFulfillmentWriter(deps: {
  fulfillment: FulfillmentService;
  shipments: ShipmentDeps;
  returns: ReturnsService;
}): FulfillmentWriter {
  return {
    async write(tx, ctx, effect, w) {
      switch (effect.type) {
        case 'pickConfirm':
          await deps.fulfillment.confirmLineIn(
            tx,
            ctx,
            effect.batchId,
            effect.lineId,
            effect.scan ?? undefined,
          );
          return 'ok';
        case 'pickShort':
          await deps.fulfillment.shortLineIn(tx, ctx, effect.batchId, effect.lineId, {
            missing: effect.missing,
            reason: effect.reason,
            choice: effect.choice,
            consentNote: effect.consentNote ?? undefined,
          });
          return 'ok';
        case 'pack':
          await deps.fulfillment.completePackIn(tx, ctx, effect.orderId, {
            scans: effect.scans,
            boxCode: effect.boxCode,
            weightGrams: effect.weightGrams ?? undefined,
          });
          return 'ok';
        case 'shipmentCreate':
          await recordDeviceShipment(deps.shipments, tx, ctx, w.deviceId, effect);
          return 'ok';
        case 'shipmentVoid':
          await voidDeviceShipment(deps.shipments, tx, ctx, effect.shipmentId, effect.reason);
          return 'ok';
        case 'returnReceive':
          await deps.returns.receiveIn(tx, ctx, effect.returnId, { lines: effect.lines });
          return 'ok';
      }
    },
  };
}
