import { z } from 'zod';
import { rowId } from './stock-rules.ts';
import { defineMutation, planned, reject } from './types.ts';

/** A label voided before the carrier took the parcel; the order goes back to packed. */
export const shipmentVoid = defineMutation({
  name: 'shipment.void',
  args: z.strictObject({ shipmentId: rowId, reason: z.string().trim().min(1).max(200) }),
  permissions: () => ['labels:print'],
  async plan(args, read) {
    const shipment = await read.get('shipment', args.shipmentId);
    if (!shipment)
      return reject('SHIPMENT_NOT_FOUND', 'This shipment does not exist.', { shipmentId: args.shipmentId });
    if (shipment.status !== 'labelled' || shipment.trackingStatus !== 'label_created')
      return reject(
        'SHIPMENT_NOT_VOIDABLE',
        'Only a label whose parcel the carrier has not taken can be voided.',
        {
          status: shipment.status,
          trackingStatus: shipment.trackingStatus,
        },
      );
    return planned(
      [{ type: 'shipmentVoid', shipmentId: shipment.id, orderId: shipment.orderId, reason: args.reason }],
      { trackingNumber: shipment.trackingNumber },
    );
  },
});
